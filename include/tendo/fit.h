/*
 * tendo/fit.h - read Garmin FIT files: the whole protocol, from bytes in memory.
 *
 * Three entry points:
 *   tendo_fit_read()    fills a tendo_activity (tendo/activity.h) from a FIT activity;
 *   tendo_fit_decode()  walks any FIT file and hands every data message, fully
 *                       decoded, to a callback (the low-level API the reader uses);
 *   tendo_fit_probe()   says what kind of FIT file it is (file_id) without the rest.
 *
 * The decoder handles 12- and 14-byte headers, the header and file CRCs, chained
 * FIT files (several back to back), definition and data messages with local
 * types 0-15 in either byte order, compressed-timestamp headers, developer data
 * fields, per-base-type invalid values, scale and offset from Garmin's profile
 * (generated: src/lib/formats/fit/fit_profile.c), arrays, strings (unterminated
 * ones stop at the field's end) and, on request, component expansion.
 *
 * Damaged input (truncated, bad CRC, an undefined local message type, a corrupt
 * chained header) is decoded up to the damage; hostile input (absurd sizes,
 * endless chained headers) costs at most O(input) time and bounded memory.
 * Nothing here prints; failures are a return code and tendo_error_last().
 */
#ifndef TENDO_FIT_H
#define TENDO_FIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tendo/activity.h>

/* The FIT epoch, 1989-12-31T00:00:00Z, in Unix seconds. */
#define TENDO_FIT_EPOCH_UNIX 631065600
/* FIT date_time values below this are seconds since the device powered on, not UTC. */
#define TENDO_FIT_DATE_MIN 0x10000000u

/* FIT base type ids as they appear in definition messages (endian bit included). */
enum {
	TENDO_FIT_ENUM = 0x00, TENDO_FIT_SINT8 = 0x01, TENDO_FIT_UINT8 = 0x02,
	TENDO_FIT_SINT16 = 0x83, TENDO_FIT_UINT16 = 0x84, TENDO_FIT_SINT32 = 0x85,
	TENDO_FIT_UINT32 = 0x86, TENDO_FIT_STRING = 0x07, TENDO_FIT_FLOAT32 = 0x88,
	TENDO_FIT_FLOAT64 = 0x89, TENDO_FIT_UINT8Z = 0x0A, TENDO_FIT_UINT16Z = 0x8B,
	TENDO_FIT_UINT32Z = 0x8C, TENDO_FIT_BYTE = 0x0D, TENDO_FIT_SINT64 = 0x8E,
	TENDO_FIT_UINT64 = 0x8F, TENDO_FIT_UINT64Z = 0x90
};

/* tendo_fit_field.flags */
enum {
	TENDO_FIT_F_BIG_ENDIAN = 1, /* raw bytes are big-endian */
	TENDO_FIT_F_DEVELOPER = 2,  /* a developer data field (see dev_index) */
	TENDO_FIT_F_EXPANDED = 4,   /* made by expanding a component (raw is NULL) */
	TENDO_FIT_F_SYNTHETIC = 8,  /* the timestamp of a compressed-timestamp header (raw is NULL) */
	TENDO_FIT_F_STRING = 16,    /* a string: use tendo_fit_field_string() */
	TENDO_FIT_F_DATE_TIME = 32, /* value is FIT seconds: see tendo_fit_time_ms() */
	TENDO_FIT_F_BAD_SIZE = 64   /* size 0, not a multiple of the base type, or an unknown
	                               base type: read as bytes */
};

/* Common field numbers. */
#define TENDO_FIT_FIELD_TIMESTAMP 253
#define TENDO_FIT_FIELD_MESSAGE_INDEX 254

/* One field of a data message, decoded. Everything is borrowed for the callback only. */
typedef struct tendo_fit_field {
	const char *name;     /* profile name ("heart_rate") or the developer's; NULL if unknown */
	const char *units;    /* profile or developer units ("bpm", "m", "s"); "" if none */
	const uint8_t *raw;   /* the field's `size` bytes in the input; NULL if EXPANDED or SYNTHETIC */
	const void *profile;  /* internal: the profile entry, or NULL */
	double value;         /* first value, raw / scale - offset, in `units`; NAN if invalid or a string */
	int64_t ival;         /* first value as stored (no scale/offset); uint64 as its bit pattern;
	                         floats truncated; for EXPANDED fields the target's raw value */
	double scale;         /* from the profile or field_description; 1 when none */
	double offset;        /* idem, in units; 0 when none */
	uint16_t size;        /* bytes in the message (0 for EXPANDED and SYNTHETIC) */
	uint8_t num;          /* field definition number */
	uint8_t base_type;    /* FIT base type id (TENDO_FIT_*); BYTE when the size is bad */
	uint8_t count;        /* number of values: size / base-type size; 1 for strings */
	uint8_t dev_index;    /* developer_data_index (developer fields only) */
	uint8_t flags;        /* TENDO_FIT_F_* */
	bool valid;           /* false when every value is the base type's invalid marker
	                         (0xFF, 0x7FFF, 0xFFFFFFFF, 0 for the z types, "" for strings) */
} tendo_fit_field;

/* One data message. Borrowed for the callback only. */
typedef struct tendo_fit_message {
	const char *name;              /* profile name ("record", "session"); NULL if unknown */
	const tendo_fit_field *fields; /* n_fields: the definition's fields in order, then developer
	                                  fields, then a SYNTHETIC timestamp, then EXPANDED fields */
	size_t n_fields;               /* number of fields */
	size_t offset;                 /* byte offset of the record header in the input */
	uint64_t index;                /* data messages delivered before this one */
	uint32_t timestamp;            /* FIT seconds (field 253 or compressed header), if has_timestamp */
	uint32_t file;                 /* which chained FIT file, 0-based */
	uint16_t num;                  /* global message number (20 = record) */
	uint8_t local;                 /* local message type, 0-15 */
	bool has_timestamp;            /* timestamp is set */
	bool compressed;               /* came with a compressed-timestamp header */
	bool big_endian;               /* its definition was big-endian */
} tendo_fit_message;

/*
 * Called once per data message, in file order. Return 0 to go on; any other
 * value stops decoding and tendo_fit_decode() returns it.
 */
typedef int (*tendo_fit_callback)(const tendo_fit_message *msg, void *user);

/* Options of tendo_fit_decode() (zeroed = the defaults). */
typedef struct {
	bool skip_developer;     /* leave developer fields out of the messages (their bytes are skipped) */
	bool expand_components;  /* add EXPANDED fields: speed -> enhanced_speed, altitude ->
	                            enhanced_altitude, compressed_speed_distance -> speed, distance
	                            (accumulated), event_timestamp_12 -> event_timestamp, ... */
	bool skip_crc;           /* do not compute CRCs (faster; a mismatch is not reported) */
	size_t max_bytes;        /* refuse longer input with TENDO_ELIMIT; 0 = 512 MiB */
	uint32_t max_files;      /* chained FIT files to read; 0 = 65536 */
} tendo_fit_options;

/* What kind of damage a decode met (tendo_fit_summary.damage). */
typedef enum {
	TENDO_FIT_OK = 0,
	TENDO_FIT_NOT_FIT,         /* no FIT header at the start (or zero bytes) */
	TENDO_FIT_BAD_HEADER,      /* a chained file's header is corrupt */
	TENDO_FIT_HEADER_CRC,      /* header CRC mismatch (the file was still read) */
	TENDO_FIT_TRUNCATED,       /* the input ends inside a file */
	TENDO_FIT_FILE_CRC,        /* file CRC mismatch (the file was still read) */
	TENDO_FIT_NO_CRC,          /* the last message runs into the CRC or past the data size */
	TENDO_FIT_UNFINISHED,      /* data size 0 in the header: read to the end of the input */
	TENDO_FIT_UNDEFINED_LOCAL, /* a data message uses a local type never defined */
	TENDO_FIT_BAD_DEFINITION,  /* a definition message is malformed (architecture byte) */
	TENDO_FIT_TRAILING         /* bytes after the last file that are not a FIT file */
} tendo_fit_damage;

/* What tendo_fit_decode() went through. */
typedef struct {
	size_t bytes;           /* bytes of input walked */
	uint32_t files;         /* FIT files (headers) read */
	uint64_t definitions;   /* definition messages */
	uint64_t big_endian_definitions; /* of which big-endian */
	uint64_t dev_definitions;        /* of which declaring developer fields */
	uint64_t messages;      /* data messages delivered */
	uint64_t compressed;    /* of which with a compressed-timestamp header */
	uint64_t dev_fields;    /* developer field values met */
	uint32_t crc_errors;    /* header and file CRC mismatches */
	uint32_t damages;       /* number of damages met (decoding may go on after a CRC error) */
	tendo_fit_damage damage;/* the first damage, TENDO_FIT_OK if none */
	size_t damage_at;       /* its byte offset */
	char what[192];         /* its one-line description, "" if none */
	char last[192];         /* the last damage's description when there were several, else "" */
} tendo_fit_summary;

/*
 * Decode every data message of `data` and call `cb` for each.
 *
 * out:  filled in when not NULL (also on failure)
 * opt:  NULL for the defaults
 * cb:   may be NULL (walk and check only); messages are borrowed for the call
 * Returns 0 when the input was sound to its last byte; TENDO_EFORMAT when it is
 * damaged (the messages before the damage were delivered; out->damage says what
 * and where, so does tendo_error_last(); a CRC mismatch does not stop the walk,
 * the rest of the damage does); TENDO_ELIMIT when longer than max_bytes or with
 * more than max_files chained files; TENDO_ENOMEM; or the callback's non-zero
 * return value.
 */
int tendo_fit_decode(tendo_fit_summary *out, const uint8_t *data, size_t len,
                     const tendo_fit_options *opt, tendo_fit_callback cb, void *user);

/*
 * Read a FIT activity into `out` (which the caller has initialised with
 * tendo_activity_init() and releases with tendo_activity_dispose()).
 *
 * Records become points (enhanced_altitude and enhanced_speed preferred,
 * compressed_speed_distance expanded), session messages sessions (sport and
 * sub_sport as profile names, "running", "trail"; unknown values as numbers),
 * lap messages n_laps; the first file_id gives the device ("garmin fr935";
 * "<manufacturer> <product number>" when the profile has no name). Cadence: for
 * running, walking and hiking (the sport of the session that started last
 * before the point, else the sport message) 2 x (cadence + fractional_cadence)
 * steps/min, otherwise rpm. baro_altitude is set when some record has an
 * altitude but no position (only a barometer gives that; FIT does not say).
 *
 * A damaged file that still gave records, sessions or laps returns 0 with
 * out->warning saying what and where ("truncated at byte 768: read 14 records").
 * Times before 1998 (device-relative, not UTC) are kept and the warning says so.
 * Returns TENDO_EFORMAT when nothing usable was read (zero bytes, not FIT, corrupt
 * header), TENDO_ELIMIT past lim->max_bytes or max_points, TENDO_ENOMEM. A sound
 * FIT file that is not an activity returns 0 with no points and no sessions.
 * lim may be NULL (defaults).
 */
int tendo_fit_read(tendo_activity *out, const uint8_t *data, size_t len,
                   const tendo_read_limits *lim);

/* What a FIT file says about itself (its first file_id message). */
typedef struct {
	char type[32];          /* "activity", "settings", "monitoring_b", a number, or "" */
	char manufacturer[32];  /* "garmin", "suunto", a number, or "" */
	char product[48];       /* "fr935", product_name, a number, or "" */
	int64_t time_created_ms;/* UTC ms, TENDO_TIME_NONE */
	uint32_t files;         /* chained files seen before the file_id */
} tendo_fit_info;

/*
 * Look at the header and the first file_id message only.
 * Returns 0, or TENDO_EFORMAT if `data` is not a FIT file (out->type is then "").
 */
int tendo_fit_probe(tendo_fit_info *out, const uint8_t *data, size_t len);

/* The FIT CRC-16 of len bytes, continuing from crc (0 to start). */
uint16_t tendo_fit_crc16(uint16_t crc, const uint8_t *data, size_t len);

/* Value i of a field after scale and offset; NAN when invalid, a string or out of range.
 * Inline: value 0 is f->value, which the decoder has already computed (it is
 * NAN when invalid, a string or empty); other values are read from raw. */
inline double tendo_fit_field_double(const tendo_fit_field *f, size_t i);
/* Internal: the out-of-line part of tendo_fit_field_double() (any i). */
double tendo_fit_field_double_at(const tendo_fit_field *f, size_t i);
inline double tendo_fit_field_double(const tendo_fit_field *f, size_t i)
{
	return f && i == 0 ? f->value : tendo_fit_field_double_at(f, i);
}
/* Value i as stored (uint64 as its bit pattern, floats truncated); false when invalid. */
bool tendo_fit_field_int(const tendo_fit_field *f, size_t i, int64_t *out);
/* Copy a string field (up to its first NUL or its end) into buf, NUL-terminated;
 * returns the string's length (may exceed n - 1: then it was cut). */
size_t tendo_fit_field_string(const tendo_fit_field *f, char *buf, size_t n);
/* The profile's name for the field's first value when it is a named enum
 * (file, sport, sub_sport, manufacturer), else NULL. */
const char *tendo_fit_field_enum(const tendo_fit_field *f);
/* The first field numbered num in msg (not a developer field), or NULL. */
const tendo_fit_field *tendo_fit_message_field(const tendo_fit_message *msg, unsigned num);
/* FIT seconds -> Unix milliseconds (UTC). */
int64_t tendo_fit_time_ms(uint32_t fit_seconds);

#endif
