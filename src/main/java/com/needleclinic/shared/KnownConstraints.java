package com.needleclinic.shared;

import java.util.Map;

/**
 * A feature's database constraints whose violation is a client error, by constraint name. The
 * Java checks give the friendly error first; these translate the database's guarantee when a
 * concurrent request slips past them.
 */
public interface KnownConstraints {

    Map<String, Problem> problemsByConstraint();
}
