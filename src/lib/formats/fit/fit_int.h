/*
 * fit_int.h - what the files of formats/fit share (internal).
 *
 * Lookups in the generated profile (fit_profile.h), done once per definition
 * message, never per data message: fit_profile_message_find(),
 * fit_profile_field_find(), fit_enum_name(), fit_makes_garmin_products().
 */
#ifndef TENDO_FIT_INT_H
#define TENDO_FIT_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "formats/fit/fit_profile.h"

/* The profile's message numbered num, or NULL (binary search). */
const fit_profile_message *fit_profile_message_find(unsigned num);
/* Field num of message m, or NULL (m may be NULL). */
const fit_profile_field *fit_profile_field_find(const fit_profile_message *m, unsigned num);
/* The snake_case name of value in enum t, or NULL if the profile has none. */
const char *fit_enum_name(fit_enum_type t, uint32_t value);
/* Whether file_id.product of this manufacturer is a garmin_product value. */
bool fit_makes_garmin_products(uint32_t manufacturer);

#endif
