/*
 * fit_lookup.c - binary searches in the generated FIT profile (fit_int.h).
 *
 * Exports fit_profile_message_find(), fit_profile_field_find(),
 * fit_enum_name() and fit_makes_garmin_products(). The tables themselves are
 * generated (fit_profile.c); this file is written by hand.
 */
#include <stddef.h>

#include "formats/fit/fit_int.h"

const fit_profile_message *fit_profile_message_find(unsigned num)
{
	size_t lo = 0, hi = fit_profile_n_messages;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		unsigned v = fit_profile_messages[mid].num;
		if (v == num)
			return &fit_profile_messages[mid];
		if (v < num)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const fit_profile_field *fit_profile_field_find(const fit_profile_message *m, unsigned num)
{
	if (!m)
		return NULL;
	size_t lo = 0, hi = m->n_fields;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		unsigned v = m->fields[mid].num;
		if (v == num)
			return &m->fields[mid];
		if (v < num)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const char *fit_enum_name(fit_enum_type t, uint32_t value)
{
	if (t <= FIT_ENUM_NONE || t >= FIT_ENUM_COUNT)
		return NULL;
	const fit_enum_table *e = &fit_enums[t];
	size_t lo = 0, hi = e->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint32_t v = e->values[mid].value;
		if (v == value)
			return e->values[mid].name;
		if (v < value)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

bool fit_makes_garmin_products(uint32_t manufacturer)
{
	for (size_t i = 0; i < fit_n_garmin_product_makers; i++)
		if (fit_garmin_product_makers[i] == manufacturer)
			return true;
	return false;
}
