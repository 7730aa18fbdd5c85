package com.needleclinic.location;

/** Canadian provinces and territories (two-letter postal abbreviations). */
public enum Province {
    AB, BC, MB, NB, NL, NS, NT, NU, ON, PE, QC, SK, YT
}
