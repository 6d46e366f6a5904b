/*
 * exercises.c - the exercise library (tendo/protocol.h): every exercise
 * with its stage, hip-flexion angle, kind and dose rule (PROTOCOL.md 3).
 *
 * Data, not code paths: the engine picks from this table by stage.
 */
#include <math.h>
#include <pthread.h>
#include <string.h>

#include <tendo/errors.h>
#include <tendo/protocol.h>

#define ISO TENDO_EX_ISOMETRIC
#define TON TENDO_EX_ISOTONIC
#define PLY TENDO_EX_PLYOMETRIC
#define S1 TENDO_STAGE_SETTLE
#define S2 TENDO_STAGE_STRENGTH
#define S2B TENDO_STAGE_RETURN_TO_RUN
#define S3 TENDO_STAGE_FULL_LOAD

static const tendo_exercise library[] = {
	/* name, title, stage, hip flexion deg, kind, sets, reps, hold s, heavy, dose, source */
	{ "iso-bridge", "Long-lever bridge hold, both legs", S1, 10, ISO, 5, 0, 30, false,
	  "5 holds of 30-45 s, feet well away from the bum; build hold time; daily, also for pain relief",
	  "seed 000; Rio et al. 2015 (5 x 45 s); forum seed 004 (2-5 min a day)" },
	{ "iso-bridge-single", "Long-lever bridge hold, single leg", S1, 10, ISO, 4, 0, 30, false,
	  "once double-leg holds are easy: 4 holds of 30-45 s on the painful side, floor then raised feet",
	  "seed 000" },
	{ "iso-curl", "Prone isometric hamstring curl", S1, 0, ISO, 5, 0, 30, false,
	  "lying face down, knee bent ~30 deg, heel pushing into a band or partner: 5 holds of 30-45 s",
	  "seed 004; Rio et al. 2015" },
	{ "prone-curl", "Prone (lying) hamstring curl, heavy slow", S2, 0, TON, 3, 8, 0, true,
	  "3-4 sets of 8-10, a weight that gets hard on rep 8, 3 s up and 3 s down; every second day",
	  "seed 000; Kongsgaard et al. 2009 (heavy slow resistance)" },
	{ "bridge-90", "Bridge with knees bent 90 deg", S2, 0, TON, 3, 15, 0, false,
	  "3 sets building to 20 reps, slow", "seed 004" },
	{ "single-leg-bridge", "Single-leg bridge", S2, 0, TON, 3, 10, 0, false,
	  "3 sets of 10-15 each side, knee bent 30-40 deg; compare reps left and right",
	  "seed 003" },
	{ "hip-thrust", "Heavy hip thrust", S2, 30, TON, 3, 8, 0, true,
	  "3 sets of 8-10, heavy and slow", "seed 000" },
	{ "adductor", "Adductor machine", S2, 20, TON, 3, 10, 0, true,
	  "3 sets of 10-12", "seed 000" },
	{ "ball-squeeze", "Adductor ball squeeze", S2, 60, TON, 3, 10, 0, false,
	  "3 sets of 10, lying, squeezing a ball between the knees", "seed 000" },
	{ "band-walk", "Resistance band walk", S2, 20, TON, 3, 15, 0, false,
	  "3 sets of 15 steps each way", "seed 000" },
	{ "clam", "Clam with band", S2, 45, TON, 3, 15, 0, false,
	  "3 sets of 15 each side", "seed 000" },
	{ "nordic-negative", "Nordic curl negative (slow lowering)", S2B, 0, TON, 3, 5, 0, false,
	  "later in strength work: 3 sets of 5 slow lowerings", "PROTOCOL.md 3; Goom et al. 2016" },
	{ "squat", "Squat", S3, 100, TON, 3, 8, 0, true,
	  "stage 3 only: strength into hip flexion, 3 sets of 8, depth as tolerated",
	  "seed 000; Goom et al. 2016 (stage 3)" },
	{ "deadlift", "Deadlift", S3, 80, TON, 3, 6, 0, true,
	  "stage 3 only: 3 sets of 6-8, moderate load first", "seed 000; Goom et al. 2016 (stage 3)" },
	{ "lunge", "Lunge", S3, 90, TON, 3, 8, 0, false,
	  "stage 3 only: 3 sets of 8 each leg", "Goom et al. 2016 (stage 3)" },
	{ "skips", "A-skips and pogo hops", S3, 60, PLY, 3, 20, 0, false,
	  "stage 3 energy storage: 3 x 20 m, short and crisp, build later",
	  "Goom et al. 2016 (stage 4: energy storage)" },
};

const tendo_exercise *tendo_exercises(size_t *n)
{
	*n = sizeof(library) / sizeof(library[0]);
	return library;
}

const tendo_exercise *tendo_exercise_find(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < sizeof(library) / sizeof(library[0]); i++)
		if (strcmp(library[i].name, name) == 0)
			return &library[i];
	return NULL;
}

static char joined[512];
static pthread_once_t joined_once = PTHREAD_ONCE_INIT;

static void join_names(void)
{
	for (size_t i = 0; i < sizeof(library) / sizeof(library[0]); i++) {
		if (i)
			strcat(joined, ", ");
		strcat(joined, library[i].name);
	}
}

const char *tendo_exercise_names(void)
{
	pthread_once(&joined_once, join_names); /* built once, whichever thread asks first */
	return joined;
}

const char *tendo_stage_title(tendo_stage s)
{
	switch (s) {
	case TENDO_STAGE_SETTLE: return "1 settle";
	case TENDO_STAGE_STRENGTH: return "2 strength";
	case TENDO_STAGE_RETURN_TO_RUN: return "2b return to run";
	case TENDO_STAGE_FULL_LOAD: return "3 full load";
	}
	return "?";
}

const char *tendo_stage_name(tendo_stage s)
{
	switch (s) {
	case TENDO_STAGE_SETTLE: return "settle";
	case TENDO_STAGE_STRENGTH: return "strength";
	case TENDO_STAGE_RETURN_TO_RUN: return "return_to_run";
	case TENDO_STAGE_FULL_LOAD: return "full_load";
	}
	return "?";
}

const char *tendo_ex_kind_name(tendo_ex_kind k)
{
	switch (k) {
	case TENDO_EX_ISOMETRIC: return "isometric";
	case TENDO_EX_ISOTONIC: return "isotonic";
	case TENDO_EX_PLYOMETRIC: return "plyometric";
	}
	return "?";
}

int tendo_stage_parse(tendo_stage *out, const char *s)
{
	for (int i = TENDO_STAGE_SETTLE; s && i <= TENDO_STAGE_FULL_LOAD; i++)
		if (strcmp(tendo_stage_name((tendo_stage)i), s) == 0) {
			*out = (tendo_stage)i;
			return 0;
		}
	return TENDO_EINVAL;
}

const char *tendo_stage_names(void)
{
	return "settle|strength|return_to_run|full_load";
}

int tendo_ex_kind_parse(tendo_ex_kind *out, const char *s)
{
	for (int i = TENDO_EX_ISOMETRIC; s && i <= TENDO_EX_PLYOMETRIC; i++)
		if (strcmp(tendo_ex_kind_name((tendo_ex_kind)i), s) == 0) {
			*out = (tendo_ex_kind)i;
			return 0;
		}
	return TENDO_EINVAL;
}

const char *tendo_ex_kind_names(void)
{
	return "isometric|isotonic|plyometric";
}

bool tendo_run_hilly(double uphill_s, double moving_s)
{
	return isfinite(uphill_s) && uphill_s >= 120 && (!isfinite(moving_s) || uphill_s >= 0.1 * moving_s);
}

bool tendo_run_fast(double fast_s, double moving_s)
{
	return isfinite(fast_s) && isfinite(moving_s) && moving_s > 0 && fast_s >= 0.25 * moving_s;
}
