-- What a reminder needs, in the events about a visit (docs/events.md): the location's name,
-- address and phone, the practitioner's display name, the service's and the room's names -
-- written with the event, in its own INSERT (EventInsert), so a booking gains no round trip and
-- an integrator no four look-ups. Never the patient's name, contact data or anything clinical.
-- Names as they are when the event is written: an event never changes afterwards.
create function event_data(p_resource_type varchar, p_data jsonb) returns jsonb
    language sql stable parallel safe as $$
    select case when p_resource_type in ('APPOINTMENT', 'WAITLIST_ENTRY') and p_data ? 'locationId' then
        coalesce(p_data || (
            select jsonb_build_object(
                       'location', jsonb_build_object(
                           'name', l.name,
                           'address', case when l.address_line1 is null then null else jsonb_build_object(
                               'line1', l.address_line1, 'line2', l.address_line2, 'city', l.address_city,
                               'province', l.province, 'postalCode', l.address_postal_code) end,
                           'phone', l.phone),
                       'practitionerName', p.first_name || ' ' || p.last_name,
                       'serviceName', s.name,
                       'roomName', (select r.name from room r where r.id = (p_data ->> 'roomId')::uuid))
              from location l, practitioner p, clinic_service s
             where l.id = (p_data ->> 'locationId')::uuid
               and p.id = (p_data ->> 'practitionerId')::uuid
               and s.id = (p_data ->> 'serviceId')::uuid), p_data)
        else p_data end
$$;
