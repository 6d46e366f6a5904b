/*
 * fit.c - the streaming FIT decoder (tendo_fit_decode() and the field
 * accessors of tendo/fit.h).
 *
 * The input is walked once, file by chained file, record by record. A
 * definition message is turned into a per-local-type table (where each field
 * sits, how to read it, its profile name, scale and offset) and a template of
 * the tendo_fit_field array the callback will see; a data message then only
 * fills in raw pointer, value, integer and validity of each field. Nothing is
 * allocated per data message: the decoder state is allocated once per call,
 * built definitions ("shapes", at most MAX_SHAPES) as they come; a definition
 * met again (same bytes, under any local type) reuses its shape, and a shape
 * grows only when rebuilt for a definition with more fields (never past
 * 255 + 255).
 *
 * Damage (truncation, bad CRC, an undefined local type, a corrupt chained
 * header, a data size of 0 left by a crashed writer) stops the walk or is
 * noted and the walk goes on (CRC errors); the first damage is described in
 * tendo_fit_summary and the call returns TENDO_EFORMAT.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/errors.h>
#include <tendo/fit.h>

#include "formats/fit/fit_int.h"
#include "util/alloc.h"

#define DEFAULT_MAX_BYTES ((size_t)512 << 20)
#define DEFAULT_MAX_FILES 65536u
#define MAX_DEV_DESC 256   /* developer field descriptions kept; later ones are ignored */
#define MAX_EXPANDED 64    /* expanded component fields per message */
#define MAX_ACCUM 16       /* accumulated (message, field) counters */
#define MAX_SHAPES 48      /* built definitions kept per decode (more than the 16 local types) */

/* How a value is read: one per base type (the endianness is separate). */
enum kind {
	K_U8, /* enum, uint8, byte: invalid 0xFF */
	K_S8, K_U8Z, K_U16, K_S16, K_U16Z, K_U32, K_S32, K_U32Z,
	K_F32, K_F64, K_U64, K_S64, K_U64Z, K_STRING,
	K_EMPTY /* a field of size 0: nothing to read */
};

/* Base type id & 0x1F -> kind and element size. */
static const struct {
	uint8_t kind; /* enum kind */
	uint8_t size; /* bytes per value */
} base_types[17] = {
	{ K_U8, 1 }, { K_S8, 1 }, { K_U8, 1 }, { K_S16, 2 }, { K_U16, 2 }, { K_S32, 4 },
	{ K_U32, 4 }, { K_STRING, 1 }, { K_F32, 4 }, { K_F64, 8 }, { K_U8Z, 1 }, { K_U16Z, 2 },
	{ K_U32Z, 4 }, { K_U8, 1 }, { K_S64, 8 }, { K_U64, 8 }, { K_U64Z, 8 },
};
/* The canonical base type id of each base type index (endian bit set where it applies). */
static const uint8_t base_type_ids[17] = {
	0x00, 0x01, 0x02, 0x83, 0x84, 0x85, 0x86, 0x07, 0x88, 0x89, 0x0A, 0x8B, 0x8C, 0x0D, 0x8E, 0x8F, 0x90,
};

/* How to read one field of a definition. */
typedef struct {
	uint32_t off;   /* byte offset in the message content */
	uint8_t kind;   /* enum kind */
	uint8_t op;     /* kind + BE_OP when big-endian: what read_value() switches on */
	uint8_t esize;  /* bytes per value */
	uint8_t count;  /* values */
	uint8_t be;     /* 1: big-endian */
	uint8_t scaled; /* 1: apply scale and offset */
} fdef;

/* One definition message, ready to decode data messages with (a "shape"). The
 * same definition often comes again in a file, under the same or another local
 * type: it is then looked up (by its bytes) rather than built again, and local
 * types may share one (only developer-field definitions are never shared, as
 * they depend on the field descriptions read so far). */
typedef struct {
	const fit_profile_message *pm; /* profile entry or NULL */
	fdef *f;                       /* n_dec fields to decode; cap of them allocated */
	tendo_fit_field *out;          /* template: cap + 1 + MAX_EXPANDED entries */
	uint16_t cap;                  /* fields f has room for */
	uint32_t size;                 /* bytes of a data message after the header */
	uint16_t num;                  /* global message number */
	uint16_t n_dec;                /* fields decoded and reported (developer ones included) */
	uint16_t n_devf;               /* developer fields in the definition */
	int16_t ts;                    /* index of a uint32 timestamp field (253), -1 */
	uint8_t n_comp;                /* fields with components (indices in comp) */
	uint8_t n_acc;                 /* accumulated fields present (indices in acc) */
	uint16_t comp[16];             /* out indices of fields to expand */
	uint8_t comp_first[16];        /* where each one's component targets start in ctgt */
	uint8_t n_ctgt;                /* targets in ctgt */
	const fit_profile_field *ctgt[MAX_EXPANDED]; /* profile entry of each component's target, or NULL */
	uint16_t acc[8];               /* out indices of accumulated fields */
	bool be;                       /* big-endian */
	bool def_dev;                  /* def had the developer-data flag in its record header */
	uint16_t def_len;              /* bytes in def; 0: not to be shared (developer fields) */
	uint8_t def[6 + 3 * 255];      /* the definition message after its record header */
} ldef;

/* A developer field description (field_description message). */
typedef struct {
	char name[64];     /* field_name, NUL-terminated */
	char units[24];    /* units */
	double scale;      /* 1 when none */
	double offset;     /* 0 when none */
	uint8_t dev_index; /* developer_data_index */
	uint8_t num;       /* field_definition_number */
	uint8_t base_type; /* fit_base_type_id */
	bool scaled;       /* scale or offset given */
} devdesc;

/* A running counter for accumulated component targets (SDK semantics). */
typedef struct {
	uint64_t acc;      /* accumulated value, component units */
	uint64_t last;     /* last raw component value */
	double reset;      /* value of a direct field to restart from, target units */
	uint16_t mesg;     /* message number */
	uint8_t field;     /* target field number */
	bool used;         /* slot taken */
	bool fresh;        /* restart from `reset` at the next accumulate */
} accum;

typedef struct {
	const uint8_t *d;       /* input */
	size_t n;               /* input length */
	tendo_fit_options opt;  /* with defaults filled */
	tendo_fit_callback cb;  /* user callback */
	void *user;             /* its argument */
	tendo_fit_summary *sum; /* the summary being filled */
	ldef *loc[16];          /* local message types: their definition, NULL if none yet */
	ldef *shapes[MAX_SHAPES]; /* every definition built (the loc[] ones among them) */
	unsigned n_shapes;      /* in shapes */
	unsigned evict;         /* where to look for a shape to rebuild when all are taken */
	devdesc *dev;           /* MAX_DEV_DESC, allocated at the first field_description */
	size_t n_dev;           /* descriptions kept */
	accum acc[MAX_ACCUM];   /* accumulators */
	uint32_t last_ts;       /* last full timestamp, FIT seconds */
	bool have_ts;           /* last_ts is set */
	uint32_t file;          /* current chained file, 0-based */
} state;

/* ---- loads --------------------------------------------------------------- */

static inline uint16_t ld16(const uint8_t *r, int be)
{
	return be ? (uint16_t)(r[0] << 8 | r[1]) : (uint16_t)(r[0] | r[1] << 8);
}

static inline uint32_t ld32(const uint8_t *r, int be)
{
	return be ? (uint32_t)r[0] << 24 | (uint32_t)r[1] << 16 | (uint32_t)r[2] << 8 | r[3]
		  : (uint32_t)r[0] | (uint32_t)r[1] << 8 | (uint32_t)r[2] << 16 | (uint32_t)r[3] << 24;
}

static inline uint64_t ld64(const uint8_t *r, int be)
{
	uint64_t a = ld32(r, be), b = ld32(r + 4, be);
	return be ? a << 32 | b : b << 32 | a;
}

static inline double f32(uint32_t u)
{
	float f;
	memcpy(&f, &u, sizeof(f));
	return f;
}

static inline double f64(uint64_t u)
{
	double f;
	memcpy(&f, &u, sizeof(f));
	return f;
}

static inline int64_t trunc_i64(double v)
{
	if (!(v > -9.2e18 && v < 9.2e18))
		return 0;
	return (int64_t)v;
}

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

#define BE_OP 16 /* added to a kind when the value is big-endian */

/*
 * Read one value: its stored integer (*iv) and its plain double (*dv, before
 * scale and offset). op is a kind, + BE_OP when big-endian. Returns whether
 * the value is valid (not the base type's invalid marker).
 */
static ALWAYS_INLINE bool read_value(unsigned op, const uint8_t *r, int64_t *iv, double *dv)
{
	uint64_t u;
	switch (op) {
	case K_U8: *iv = r[0]; *dv = r[0]; return r[0] != 0xFF;
	case K_S8: *iv = (int8_t)r[0]; *dv = (double)*iv; return r[0] != 0x7F;
	case K_U8Z: *iv = r[0]; *dv = r[0]; return r[0] != 0;
	case K_U16: u = ld16(r, 0); *iv = (int64_t)u; *dv = (double)u; return u != 0xFFFF;
	case K_U16 + BE_OP: u = ld16(r, 1); *iv = (int64_t)u; *dv = (double)u; return u != 0xFFFF;
	case K_S16: u = ld16(r, 0); *iv = (int16_t)u; *dv = (double)*iv; return u != 0x7FFF;
	case K_S16 + BE_OP: u = ld16(r, 1); *iv = (int16_t)u; *dv = (double)*iv; return u != 0x7FFF;
	case K_U16Z: u = ld16(r, 0); *iv = (int64_t)u; *dv = (double)u; return u != 0;
	case K_U16Z + BE_OP: u = ld16(r, 1); *iv = (int64_t)u; *dv = (double)u; return u != 0;
	case K_U32: u = ld32(r, 0); *iv = (int64_t)u; *dv = (double)u; return u != 0xFFFFFFFFu;
	case K_U32 + BE_OP: u = ld32(r, 1); *iv = (int64_t)u; *dv = (double)u; return u != 0xFFFFFFFFu;
	case K_S32: u = ld32(r, 0); *iv = (int32_t)u; *dv = (double)*iv; return u != 0x7FFFFFFFu;
	case K_S32 + BE_OP: u = ld32(r, 1); *iv = (int32_t)u; *dv = (double)*iv; return u != 0x7FFFFFFFu;
	case K_U32Z: u = ld32(r, 0); *iv = (int64_t)u; *dv = (double)u; return u != 0;
	case K_U32Z + BE_OP: u = ld32(r, 1); *iv = (int64_t)u; *dv = (double)u; return u != 0;
	case K_F32:
	case K_F32 + BE_OP:
		u = ld32(r, op >= BE_OP);
		*dv = f32((uint32_t)u);
		*iv = trunc_i64(*dv);
		return u != 0xFFFFFFFFu && !isnan(*dv);
	case K_F64:
	case K_F64 + BE_OP:
		u = ld64(r, op >= BE_OP);
		*dv = f64(u);
		*iv = trunc_i64(*dv);
		return u != UINT64_MAX && !isnan(*dv);
	case K_U64:
	case K_U64 + BE_OP:
		u = ld64(r, op >= BE_OP); *iv = (int64_t)u; *dv = (double)u; return u != UINT64_MAX;
	case K_S64:
	case K_S64 + BE_OP:
		u = ld64(r, op >= BE_OP); *iv = (int64_t)u; *dv = (double)*iv; return u != 0x7FFFFFFFFFFFFFFFull;
	case K_U64Z:
	case K_U64Z + BE_OP:
		u = ld64(r, op >= BE_OP); *iv = (int64_t)u; *dv = (double)u; return u != 0;
	case K_EMPTY: *iv = 0; *dv = NAN; return false;
	default: *iv = 0; *dv = NAN; return r[0] != 0; /* K_STRING */
	}
}

/* ---- damage --------------------------------------------------------------- */

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void damage(state *st, tendo_fit_damage kind, size_t at, const char *fmt, ...)
{
	tendo_fit_summary *s = st->sum;
	s->damages++;
	if (s->damage != TENDO_FIT_OK) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(s->last, sizeof(s->last), fmt, ap);
		va_end(ap);
		return;
	}
	s->damage = kind;
	s->damage_at = at;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->what, sizeof(s->what), fmt, ap);
	va_end(ap);
}

/* ---- definitions ------------------------------------------------------------ */

static const devdesc *dev_find(const state *st, unsigned index, unsigned num)
{
	for (size_t i = 0; i < st->n_dev; i++)
		if (st->dev[i].dev_index == index && st->dev[i].num == num)
			return &st->dev[i];
	return NULL;
}

/* Fill fd and the template o for a field of `size` bytes of base type `bt`. */
static void setup_field(fdef *fd, tendo_fit_field *o, uint32_t off, unsigned size, unsigned bt, bool be)
{
	unsigned bi = bt & 0x1F;
	unsigned kind = K_U8, esize = 1;
	memset(o, 0, sizeof(*o));
	o->scale = 1;
	o->base_type = TENDO_FIT_BYTE;
	if (bi < 17) {
		kind = base_types[bi].kind;
		esize = base_types[bi].size;
		o->base_type = base_type_ids[bi];
	} else {
		o->flags |= TENDO_FIT_F_BAD_SIZE;
	}
	if (size == 0 || size % esize != 0) {
		/* read what is there as bytes rather than misread it */
		kind = K_U8;
		esize = 1;
		o->base_type = TENDO_FIT_BYTE;
		o->flags |= TENDO_FIT_F_BAD_SIZE;
	}
	if (size == 0)
		kind = K_EMPTY;
	fd->off = off;
	fd->kind = (uint8_t)kind;
	fd->esize = (uint8_t)esize;
	fd->count = (uint8_t)(kind == K_STRING ? 1 : size / esize);
	fd->be = be && esize > 1 && kind != K_EMPTY;
	fd->op = (uint8_t)(kind + (fd->be ? BE_OP : 0));
	fd->scaled = 0;
	o->size = (uint16_t)size;
	o->count = fd->count;
	if (fd->be)
		o->flags |= TENDO_FIT_F_BIG_ENDIAN;
	if (kind == K_STRING)
		o->flags |= TENDO_FIT_F_STRING;
	o->units = "";
}

/* Room in ld for a definition of nf fields (developer fields included). */
static int ensure_def(ldef *ld, unsigned nf)
{
	if (ld->out && nf <= ld->cap)
		return 0;
	fdef *f = tendo_realloc(ld->f, nf * sizeof(*f));
	if (!f)
		return tendo_error_set(TENDO_ENOMEM, "out of memory for a FIT definition of %u fields", nf);
	ld->f = f;
	tendo_fit_field *out = tendo_realloc(ld->out, (nf + 1 + MAX_EXPANDED) * sizeof(*out));
	if (!out)
		return tendo_error_set(TENDO_ENOMEM, "out of memory for a FIT definition of %u fields", nf);
	ld->out = out;
	ld->cap = (uint16_t)nf;
	return 0;
}

/* A shape to build the definition of local type `local` in: a new one, or one
 * no other local type uses. NULL when out of memory. */
static ldef *new_shape(state *st, unsigned local)
{
	if (st->n_shapes < MAX_SHAPES) {
		ldef *ld = tendo_calloc(1, sizeof(*ld));
		if (ld)
			st->shapes[st->n_shapes++] = ld;
		return ld;
	}
	for (unsigned tries = 0;; tries++) {
		ldef *ld = st->shapes[st->evict];
		st->evict = (st->evict + 1) % MAX_SHAPES;
		bool used = false;
		for (unsigned l = 0; l < 16; l++)
			used |= l != local && st->loc[l] == ld;
		if (!used || tries >= MAX_SHAPES) /* at most 15 are used: never the second case */
			return ld;
	}
}

/*
 * Read the definition message at p (record header included); `avail` bytes
 * are there. Returns its length, 0 if it does not fit, -1 if malformed,
 * or a negative tendo error (below -1) on allocation failure.
 */
static long read_definition(state *st, const uint8_t *p, size_t avail, size_t at)
{
	if (avail < 6)
		return 0;
	unsigned h = p[0];
	unsigned arch = p[2];
	if (arch > 1) {
		damage(st, TENDO_FIT_BAD_DEFINITION, at,
		       "definition at byte %zu: architecture byte %u is neither 0 nor 1", at, arch);
		return -1;
	}
	bool be = arch == 1;
	unsigned num = ld16(p + 3, be);
	unsigned nf = p[5];
	size_t len = 6 + 3 * (size_t)nf;
	unsigned ndev = 0;
	if (h & 0x20) {
		if (avail < len + 1)
			return 0;
		ndev = p[len];
		len += 1 + 3 * (size_t)ndev;
	}
	if (avail < len)
		return 0;

	unsigned local = h & 0x0F;
	bool dev_flag = (h & 0x20) != 0;
	if (ndev == 0) {
		for (unsigned i = 0; i < st->n_shapes; i++) {
			const ldef *sh = st->shapes[i];
			if (sh->def_len == len - 1 && sh->def_dev == dev_flag && memcmp(sh->def, p + 1, len - 1) == 0) {
				st->loc[local] = st->shapes[i];
				st->sum->definitions++;
				st->sum->big_endian_definitions += be;
				st->sum->dev_definitions += dev_flag;
				return (long)len;
			}
		}
	}
	ldef *ld = new_shape(st, local);
	if (!ld)
		return tendo_error_set(TENDO_ENOMEM, "out of memory for a FIT definition");
	st->loc[local] = NULL;
	ld->def_len = 0;
	int rc = ensure_def(ld, nf + (st->opt.skip_developer ? 0 : ndev));
	if (rc)
		return rc;
	const fit_profile_message *pm = fit_profile_message_find(num);
	ld->pm = pm;
	ld->num = (uint16_t)num;
	ld->be = be;
	ld->ts = -1;
	ld->n_comp = 0;
	ld->n_ctgt = 0;
	ld->n_acc = 0;
	uint32_t off = 0;
	unsigned k = 0;
	const uint8_t *q = p + 6;
	for (unsigned i = 0; i < nf; i++, q += 3) {
		unsigned fnum = q[0], size = q[1], bt = q[2];
		fdef *fd = &ld->f[k];
		tendo_fit_field *o = &ld->out[k];
		setup_field(fd, o, off, size, bt, be);
		off += size;
		o->num = (uint8_t)fnum;
		const fit_profile_field *pf = fit_profile_field_find(pm, fnum);
		if (pf) {
			o->name = pf->name;
			o->units = pf->units;
			o->profile = pf;
			if ((pf->flags & FIT_PF_NUMERIC) && (pf->scale != 1 || pf->offset != 0) &&
			    fd->kind != K_STRING && !(o->flags & TENDO_FIT_F_BAD_SIZE)) {
				o->scale = pf->scale;
				o->offset = pf->offset;
				fd->scaled = 1;
			}
			if (pf->flags & FIT_PF_DATE_TIME)
				o->flags |= TENDO_FIT_F_DATE_TIME;
			if (st->opt.expand_components && pf->n_comp && fd->kind != K_STRING &&
			    fd->esize <= 4 && ld->n_comp < 16 && ld->n_ctgt + pf->n_comp <= MAX_EXPANDED) {
				ld->comp_first[ld->n_comp] = ld->n_ctgt;
				ld->comp[ld->n_comp++] = (uint16_t)k;
				for (unsigned j = 0; j < pf->n_comp; j++)
					ld->ctgt[ld->n_ctgt++] = fit_profile_field_find(pm, fit_profile_components[pf->comp + j].target);
			}
			if (st->opt.expand_components && (pf->flags & FIT_PF_ACCUMULATED) && ld->n_acc < 8)
				ld->acc[ld->n_acc++] = (uint16_t)k;
		} else if (fnum == TENDO_FIT_FIELD_TIMESTAMP) {
			/* a message the profile does not know still has the common timestamp */
			o->name = "timestamp";
			o->units = "s";
			o->flags |= TENDO_FIT_F_DATE_TIME;
		}
		if (fnum == TENDO_FIT_FIELD_TIMESTAMP && fd->kind == K_U32 && fd->count == 1)
			ld->ts = (int16_t)k;
		k++;
	}
	for (unsigned i = 0; i < ndev; i++) {
		const uint8_t *r = p + 6 + 3 * (size_t)nf + 1 + 3 * (size_t)i;
		unsigned fnum = r[0], size = r[1], index = r[2];
		uint32_t foff = off;
		off += size;
		if (st->opt.skip_developer)
			continue;
		const devdesc *dd = dev_find(st, index, fnum);
		fdef *fd = &ld->f[k];
		tendo_fit_field *o = &ld->out[k];
		setup_field(fd, o, foff, size, dd ? dd->base_type : TENDO_FIT_BYTE, be);
		o->num = (uint8_t)fnum;
		o->dev_index = (uint8_t)index;
		o->flags |= TENDO_FIT_F_DEVELOPER;
		if (dd) {
			o->name = dd->name;
			o->units = dd->units;
			if (dd->scaled && fd->kind != K_STRING && !(o->flags & TENDO_FIT_F_BAD_SIZE)) {
				o->scale = dd->scale;
				o->offset = dd->offset;
				fd->scaled = 1;
			}
		}
		k++;
	}
	ld->n_dec = (uint16_t)k;
	ld->n_devf = (uint16_t)ndev;
	ld->size = off;
	if (ndev == 0) {
		memcpy(ld->def, p + 1, len - 1);
		ld->def_len = (uint16_t)(len - 1);
		ld->def_dev = dev_flag;
	}
	st->loc[local] = ld;
	st->sum->definitions++;
	st->sum->big_endian_definitions += be;
	st->sum->dev_definitions += (h & 0x20) != 0;
	return (long)len;
}

/* ---- developer data --------------------------------------------------------- */

static void copy_string(char *dst, size_t cap, const tendo_fit_field *f)
{
	size_t n = 0;
	if (f && f->raw && (f->flags & TENDO_FIT_F_STRING)) {
		n = strnlen((const char *)f->raw, f->size);
		if (n >= cap)
			n = cap - 1;
		memcpy(dst, f->raw, n);
	}
	dst[n] = '\0';
}

/* A field_description message: remember the developer field it describes. */
static int take_description(state *st, const tendo_fit_message *m)
{
	const tendo_fit_field *fi = tendo_fit_message_field(m, 0);
	const tendo_fit_field *fn = tendo_fit_message_field(m, 1);
	const tendo_fit_field *fb = tendo_fit_message_field(m, 2);
	if (!fi || !fn || !fb || !fi->valid || !fn->valid || !fb->valid || fi->count < 1)
		return 0;
	unsigned index = (unsigned)fi->ival & 0xFF, num = (unsigned)fn->ival & 0xFF;
	devdesc *d = (devdesc *)dev_find(st, index, num);
	if (!d) {
		if (!st->dev) {
			st->dev = tendo_calloc(MAX_DEV_DESC, sizeof(*st->dev));
			if (!st->dev)
				return tendo_error_set(TENDO_ENOMEM, "out of memory for developer fields");
		}
		if (st->n_dev >= MAX_DEV_DESC)
			return 0;
		d = &st->dev[st->n_dev++];
	}
	memset(d, 0, sizeof(*d));
	d->dev_index = (uint8_t)index;
	d->num = (uint8_t)num;
	d->base_type = (uint8_t)fb->ival;
	d->scale = 1;
	copy_string(d->name, sizeof(d->name), tendo_fit_message_field(m, 3));
	copy_string(d->units, sizeof(d->units), tendo_fit_message_field(m, 8));
	const tendo_fit_field *fs = tendo_fit_message_field(m, 6);
	const tendo_fit_field *fo = tendo_fit_message_field(m, 7);
	if (fs && fs->valid && fs->ival > 0) {
		d->scale = (double)fs->ival;
		d->scaled = d->scale != 1;
	}
	if (fo && fo->valid && fo->ival != 0) {
		d->offset = (double)fo->ival;
		d->scaled = true;
	}
	return 0;
}

/* ---- components ---------------------------------------------------------------- */

static accum *accum_get(state *st, unsigned mesg, unsigned field)
{
	accum *free_slot = NULL;
	for (int i = 0; i < MAX_ACCUM; i++) {
		accum *a = &st->acc[i];
		if (a->used && a->mesg == mesg && a->field == field)
			return a;
		if (!a->used && !free_slot)
			free_slot = a;
	}
	if (free_slot) {
		memset(free_slot, 0, sizeof(*free_slot));
		free_slot->mesg = (uint16_t)mesg;
		free_slot->field = (uint8_t)field;
	}
	return free_slot;
}

static uint64_t accumulate(accum *a, uint64_t x, unsigned bits, double scale, double offset)
{
	uint64_t mask = bits >= 64 ? UINT64_MAX : (((uint64_t)1 << bits) - 1);
	if (a->fresh) {
		double r = (a->reset + offset) * scale;
		a->acc = r > 0 && r < 9e18 ? (uint64_t)llround(r) : 0;
		a->last = a->acc;
		a->fresh = false;
		a->used = true;
	} else if (!a->used) {
		a->acc = x;
		a->last = x;
		a->used = true;
	}
	a->acc += (x - a->last) & mask;
	a->last = x;
	return a->acc;
}

/* Append the fields the components of field o expand to; returns the new count. */
static size_t expand(state *st, const ldef *ld, unsigned ci, tendo_fit_field *out, size_t n)
{
	const fdef *fd = &ld->f[ld->comp[ci]];
	const tendo_fit_field *o = &out[ld->comp[ci]];
	const fit_profile_field *pf = o->profile;
	if (!o->valid || !pf || !ld->pm)
		return n;
	uint64_t buf = 0;
	unsigned have = 0, next = 0, ebits = 8u * fd->esize;
	for (unsigned j = 0; j < pf->n_comp; j++) {
		const fit_profile_component *c = &fit_profile_components[pf->comp + j];
		while (have < c->bits && next < fd->count) {
			int64_t iv;
			double dv;
			read_value(fd->op, o->raw + (size_t)next * fd->esize, &iv, &dv);
			uint64_t v = (uint64_t)iv & (ebits >= 64 ? UINT64_MAX : (((uint64_t)1 << ebits) - 1));
			buf |= v << have;
			have += ebits;
			next++;
		}
		if (have < c->bits || c->bits == 0 || c->bits > 32)
			break;
		uint64_t x = buf & (((uint64_t)1 << c->bits) - 1);
		buf >>= c->bits;
		have -= c->bits;
		if (c->accumulate) {
			accum *a = accum_get(st, ld->num, c->target);
			if (a)
				x = accumulate(a, x, c->bits, c->scale, c->offset);
		}
		double v = (double)x / c->scale - c->offset;
		const fit_profile_field *t = ld->ctgt[ld->comp_first[ci] + j];
		tendo_fit_field *e = &out[n++];
		memset(e, 0, sizeof(*e));
		e->num = c->target;
		e->flags = TENDO_FIT_F_EXPANDED;
		e->count = 1;
		e->value = v;
		e->valid = true;
		e->scale = 1;
		e->units = "";
		e->base_type = TENDO_FIT_UINT32;
		if (t) {
			e->name = t->name;
			e->units = t->units;
			e->profile = t;
			e->base_type = t->base_type;
			if (t->flags & FIT_PF_NUMERIC) {
				e->scale = t->scale;
				e->offset = t->offset;
			}
			if (t->flags & FIT_PF_DATE_TIME)
				e->flags |= TENDO_FIT_F_DATE_TIME;
		}
		double r = (v + e->offset) * e->scale;
		e->ival = trunc_i64(r < 0 ? r - 0.5 : r + 0.5);
	}
	return n;
}

/* ---- data messages -------------------------------------------------------------- */

/* Decode the data message whose content starts at body and deliver it. */
static int deliver(state *st, ldef *ld, const uint8_t *body, size_t at, unsigned local,
                   bool compressed, uint32_t cts)
{
	tendo_fit_field *out = ld->out;
	const fdef *f = ld->f;
	unsigned nd = ld->n_dec;
	for (unsigned i = 0; i < nd; i++) {
		const fdef *fd = &f[i];
		tendo_fit_field *o = &out[i];
		const uint8_t *r = body + fd->off;
		int64_t iv;
		double dv;
		bool ok = read_value(fd->op, r, &iv, &dv);
		o->raw = r;
		o->ival = iv;
		if (!ok && fd->count > 1) {
			for (unsigned j = 1; j < fd->count && !ok; j++) {
				int64_t iv2;
				double dv2;
				ok = read_value(fd->op, r + (size_t)j * fd->esize, &iv2, &dv2);
			}
			o->valid = ok;
			o->value = NAN;
			continue;
		}
		o->valid = ok;
		/* strings come back with dv NAN and are never scaled */
		o->value = !ok ? NAN : fd->scaled ? dv / o->scale - o->offset : dv;
	}

	tendo_fit_message m;
	m.name = ld->pm ? ld->pm->name : NULL;
	m.fields = out;
	m.offset = at;
	m.index = st->sum->messages;
	m.file = st->file;
	m.num = ld->num;
	m.local = (uint8_t)local;
	m.compressed = compressed;
	m.big_endian = ld->be;
	m.has_timestamp = false;
	m.timestamp = 0;
	size_t n = nd;
	if (compressed) {
		m.timestamp = cts;
		m.has_timestamp = true;
		st->last_ts = cts;
		st->have_ts = true;
		if (ld->ts < 0) {
			tendo_fit_field *t = &out[n++];
			memset(t, 0, sizeof(*t));
			t->name = "timestamp";
			t->units = "s";
			t->num = TENDO_FIT_FIELD_TIMESTAMP;
			t->base_type = TENDO_FIT_UINT32;
			t->count = 1;
			t->flags = TENDO_FIT_F_SYNTHETIC | TENDO_FIT_F_DATE_TIME;
			t->valid = true;
			t->ival = cts;
			t->value = cts;
			t->scale = 1;
		}
	} else if (ld->ts >= 0 && out[ld->ts].valid) {
		m.timestamp = (uint32_t)out[ld->ts].ival;
		m.has_timestamp = true;
		st->last_ts = m.timestamp;
		st->have_ts = true;
	}
	if (ld->n_acc) {
		for (unsigned i = 0; i < ld->n_acc; i++) {
			const tendo_fit_field *o = &out[ld->acc[i]];
			if (!o->valid || o->count != 1)
				continue;
			accum *a = accum_get(st, ld->num, o->num);
			if (a) {
				a->used = true;
				a->fresh = true;
				a->reset = o->value;
			}
		}
	}
	for (unsigned i = 0; i < ld->n_comp && n < (size_t)nd + 1 + MAX_EXPANDED; i++)
		n = expand(st, ld, i, out, n);
	m.n_fields = n;

	st->sum->messages++;
	st->sum->dev_fields += ld->n_devf;
	if (compressed)
		st->sum->compressed++;
	if (ld->num == 206 && !st->opt.skip_developer) {
		int rc = take_description(st, &m);
		if (rc)
			return rc;
	}
	return st->cb ? st->cb(&m, st->user) : 0;
}

/* ---- files ------------------------------------------------------------------------ */

/* Whether a FIT header starts at p (avail bytes); *hs gets its size. */
static bool is_header(const uint8_t *p, size_t avail, unsigned *hs)
{
	if (avail < 12)
		return false;
	if (p[0] != 12 && p[0] != 14)
		return false;
	if (avail < p[0])
		return false;
	if (memcmp(p + 8, ".FIT", 4) != 0)
		return false;
	*hs = p[0];
	return true;
}

/*
 * Walk the records of the file that starts at `start` from pos up to data_end
 * (which may lie past the input; with `unfinished`, the end of the input).
 * *endp gets where the walk stopped; *stop is set after damage that ends the
 * decode. Returns 0, or a tendo error or the callback's value.
 */
static int walk_messages(state *st, size_t start, size_t pos, size_t data_end, bool unfinished,
                         size_t *endp, bool *stop)
{
	const uint8_t *d = st->d;
	size_t n = st->n;
	size_t lim = data_end < n ? data_end : n;
	int rc = 0;
	while (pos < lim) {
		unsigned h = d[pos];
		size_t avail = lim - pos;
		if (unfinished && avail == 2 &&
		    (st->opt.skip_crc || tendo_fit_crc16(0, d + start, pos - start) == ld16(d + pos, 0))) {
			pos = n; /* the file crc after all */
			break;
		}
		if (!(h & 0x80) && (h & 0x40)) {
			long len = read_definition(st, d + pos, avail, pos);
			if (len < -1) {
				rc = (int)len;
				break;
			}
			if (len == -1) {
				*stop = true;
				break;
			}
			if (len == 0) {
				/* does not fit before the data end: past it, or truncated */
				long len2 = data_end < n ? read_definition(st, d + pos, n - pos, pos) : 0;
				if (len2 < -1) {
					rc = (int)len2;
					break;
				}
				if (len2 > 0) {
					damage(st, TENDO_FIT_NO_CRC, pos,
					       "definition at byte %zu runs past the declared data size (data ends at byte %zu)",
					       pos, data_end);
					pos += (size_t)len2;
				} else if (len2 == 0) {
					damage(st, TENDO_FIT_TRUNCATED, n, "truncated at byte %zu", n);
					pos = n;
				}
				*stop = true;
				break;
			}
			pos += (size_t)len;
			continue;
		}
		unsigned local;
		bool compressed = (h & 0x80) != 0;
		uint32_t cts = 0;
		if (compressed) {
			local = (h >> 5) & 3;
			unsigned off5 = h & 0x1F;
			uint32_t base = st->have_ts ? st->last_ts : 0;
			cts = (base & ~(uint32_t)0x1F) + off5;
			if (off5 < (base & 0x1F))
				cts += 0x20;
		} else {
			local = h & 0x0F;
		}
		ldef *ld = st->loc[local];
		if (!ld) {
			damage(st, TENDO_FIT_UNDEFINED_LOCAL, pos,
			       "message %llu at byte %zu: local message type %u was never defined",
			       (unsigned long long)st->sum->messages, pos, local);
			*stop = true;
			break;
		}
		size_t need = 1 + (size_t)ld->size;
		if (need > avail) {
			if (data_end < n && need <= n - pos && !unfinished) {
				rc = deliver(st, ld, d + pos + 1, pos, local, compressed, cts);
				damage(st, TENDO_FIT_NO_CRC, pos,
				       "message %llu at byte %zu runs past the declared data size (data ends at byte %zu, no file crc)",
				       (unsigned long long)(st->sum->messages - 1), pos, data_end);
				pos += need;
			} else {
				damage(st, TENDO_FIT_TRUNCATED, n,
				       "truncated at byte %zu (message %llu at byte %zu needs %zu bytes)",
				       n, (unsigned long long)st->sum->messages, pos, need);
				pos = n;
			}
			*stop = true;
			break;
		}
		rc = deliver(st, ld, d + pos + 1, pos, local, compressed, cts);
		pos += need;
		if (rc)
			break;
	}
	*endp = pos;
	return rc;
}

static int walk(state *st)
{
	const uint8_t *d = st->d;
	size_t n = st->n;
	size_t pos = 0;
	unsigned hs = 0;
	tendo_fit_summary *s = st->sum;

	if (n == 0) {
		damage(st, TENDO_FIT_NOT_FIT, 0, "empty input (0 bytes)");
		return 0;
	}
	if (!is_header(d, n, &hs)) {
		if (n < 12 || (d[0] == 14 && n < 14 && memcmp(d + 8, ".FIT", 4) == 0))
			damage(st, TENDO_FIT_NOT_FIT, 0, "byte 0: not a FIT file (%zu bytes, too short for a header)", n);
		else if (d[0] != 12 && d[0] != 14)
			damage(st, TENDO_FIT_NOT_FIT, 0, "byte 0: not a FIT file (header size %u)", d[0]);
		else
			damage(st, TENDO_FIT_NOT_FIT, 0, "byte 0: not a FIT file (no .FIT signature)");
		return 0;
	}

	while (pos < n) {
		if (!is_header(d + pos, n - pos, &hs)) {
			if (n - pos < 12)
				damage(st, TENDO_FIT_TRAILING, pos, "%zu stray bytes after the last file at byte %zu", n - pos, pos);
			else
				damage(st, TENDO_FIT_BAD_HEADER, pos, "byte %zu: chained file %u has no valid FIT header",
				       pos, st->file + 1);
			break;
		}
		if (s->files >= st->opt.max_files)
			return tendo_error_set(TENDO_ELIMIT, "byte %zu: more than %u chained FIT files", pos, st->opt.max_files);
		s->files++;
		const uint8_t *hp = d + pos;
		uint32_t data_size = (uint32_t)hp[4] | (uint32_t)hp[5] << 8 | (uint32_t)hp[6] << 16 | (uint32_t)hp[7] << 24;
		if (hs == 14 && !st->opt.skip_crc) {
			uint16_t stored = (uint16_t)(hp[12] | hp[13] << 8);
			uint16_t crc = tendo_fit_crc16(0, hp, 12);
			if (stored != 0 && stored != crc) {
				s->crc_errors++;
				damage(st, TENDO_FIT_HEADER_CRC, pos, "byte %zu: header crc mismatch (computed 0x%04X, stored 0x%04X)",
				       pos, crc, stored);
			}
		}
		size_t body = pos + hs;
		size_t data_end = body + data_size;
		bool unfinished = false;
		unsigned hs2;
		if (data_size == 0 && n - body > 2 && !is_header(d + body + 2, n - body - 2, &hs2) &&
		    !is_header(d + body, n - body, &hs2)) {
			/* a writer that crashed before it wrote the size: read to the end */
			unfinished = true;
			data_end = n;
			damage(st, TENDO_FIT_UNFINISHED, pos + 4,
			       "byte %zu: data size 0 in the header (file never finished); read to the end of the input",
			       pos + 4);
		}
		size_t end = body;
		bool stop = false;
		int rc = walk_messages(st, pos, body, data_end, unfinished, &end, &stop);
		s->bytes = end;
		if (rc)
			return rc;
		if (stop || unfinished)
			return 0;
		if (data_end + 2 > n) {
			damage(st, TENDO_FIT_TRUNCATED, n, "truncated at byte %zu (file %u declares %zu bytes)",
			       n, st->file + 1, data_end + 2 - pos);
			s->bytes = n;
			return 0;
		}
		if (!st->opt.skip_crc) {
			uint16_t crc = tendo_fit_crc16(0, d + pos, data_end - pos);
			uint16_t stored = (uint16_t)(d[data_end] | d[data_end + 1] << 8);
			if (crc != stored) {
				s->crc_errors++;
				damage(st, TENDO_FIT_FILE_CRC, data_end,
				       "file crc mismatch at byte %zu (computed 0x%04X, stored 0x%04X)", data_end, crc, stored);
			}
		}
		pos = data_end + 2;
		s->bytes = pos;
		st->file++;
	}
	return 0;
}

int tendo_fit_decode(tendo_fit_summary *out, const uint8_t *data, size_t len,
                     const tendo_fit_options *opt, tendo_fit_callback cb, void *user)
{
	tendo_fit_summary local_sum;
	tendo_fit_summary *sum = out ? out : &local_sum;
	memset(sum, 0, sizeof(*sum));
	if (!data && len)
		return tendo_error_set(TENDO_EINVAL, "no input");
	state *st = tendo_calloc(1, sizeof(*st));
	if (!st)
		return tendo_error_set(TENDO_ENOMEM, "out of memory for the FIT decoder");
	if (opt)
		st->opt = *opt;
	if (!st->opt.max_bytes)
		st->opt.max_bytes = DEFAULT_MAX_BYTES;
	if (!st->opt.max_files)
		st->opt.max_files = DEFAULT_MAX_FILES;
	st->d = data;
	st->n = len;
	st->cb = cb;
	st->user = user;
	st->sum = sum;

	int rc;
	if (len > st->opt.max_bytes)
		rc = tendo_error_set(TENDO_ELIMIT, "input of %zu bytes exceeds the limit of %zu", len, st->opt.max_bytes);
	else
		rc = walk(st);
	if (rc == 0 && sum->damage != TENDO_FIT_OK)
		rc = tendo_error_set(TENDO_EFORMAT, "%s", sum->what);

	for (unsigned i = 0; i < st->n_shapes; i++) {
		free(st->shapes[i]->f);
		free(st->shapes[i]->out);
		free(st->shapes[i]);
	}
	free(st->dev);
	free(st);
	return rc;
}

/* ---- accessors ---------------------------------------------------------------------- */

static bool field_value(const tendo_fit_field *f, size_t i, int64_t *iv, double *dv)
{
	if (i >= f->count)
		return false;
	if (!f->raw) {
		if (i != 0 || !f->valid)
			return false;
		*iv = f->ival;
		*dv = f->value;
		return true;
	}
	unsigned bi = f->base_type & 0x1F;
	unsigned kind = bi < 17 ? base_types[bi].kind : K_U8;
	unsigned esize = bi < 17 ? base_types[bi].size : 1;
	if (kind == K_STRING)
		return false;
	if ((size_t)(i + 1) * esize > f->size)
		return false;
	unsigned op = kind + ((f->flags & TENDO_FIT_F_BIG_ENDIAN) && esize > 1 ? BE_OP : 0);
	return read_value(op, f->raw + i * esize, iv, dv);
}

/* The external definition of the inline tendo_fit_field_double() (tendo/fit.h). */
extern inline double tendo_fit_field_double(const tendo_fit_field *f, size_t i);

/*
 * Value i read from the raw bytes. For i == 0 this is exactly the f->value the
 * decoder computed (deliver() uses the same read and the same dv / scale - offset),
 * which is what the inline tendo_fit_field_double() returns.
 */
double tendo_fit_field_double_at(const tendo_fit_field *f, size_t i)
{
	int64_t iv;
	double dv;
	if (!f || !field_value(f, i, &iv, &dv))
		return NAN;
	if (!f->raw)
		return dv;
	return (f->scale != 1 || f->offset != 0) ? dv / f->scale - f->offset : dv;
}

bool tendo_fit_field_int(const tendo_fit_field *f, size_t i, int64_t *out)
{
	int64_t iv;
	double dv;
	if (!f || !field_value(f, i, &iv, &dv))
		return false;
	if (out)
		*out = iv;
	return true;
}

size_t tendo_fit_field_string(const tendo_fit_field *f, char *buf, size_t n)
{
	size_t len = 0;
	if (f && f->raw && (f->flags & TENDO_FIT_F_STRING))
		len = strnlen((const char *)f->raw, f->size);
	if (buf && n) {
		size_t c = len < n - 1 ? len : n - 1;
		if (c)
			memcpy(buf, f->raw, c);
		buf[c] = '\0';
	}
	return len;
}

const char *tendo_fit_field_enum(const tendo_fit_field *f)
{
	if (!f || !f->valid || !f->profile)
		return NULL;
	const fit_profile_field *pf = f->profile;
	if (pf->enum_type == FIT_ENUM_NONE)
		return NULL;
	return fit_enum_name((fit_enum_type)pf->enum_type, (uint32_t)f->ival);
}

const tendo_fit_field *tendo_fit_message_field(const tendo_fit_message *msg, unsigned num)
{
	if (!msg)
		return NULL;
	for (size_t i = 0; i < msg->n_fields; i++) {
		const tendo_fit_field *f = &msg->fields[i];
		if (f->num == num && !(f->flags & TENDO_FIT_F_DEVELOPER))
			return f;
	}
	return NULL;
}

int64_t tendo_fit_time_ms(uint32_t fit_seconds)
{
	return ((int64_t)fit_seconds + TENDO_FIT_EPOCH_UNIX) * 1000;
}
