/*
 * references.c - the full citations behind the sources the engine names
 * (tendo/report.h): the rule registry and the exercise library say
 * "seed 003", "PROTOCOL.md 10.2" or "Goom et al. 2016"; a report that is
 * emailed must say what those are. tendo_references_cite() turns a source
 * text into reference numbers; a part it cannot place is an error, so a
 * test over every rule and exercise keeps the list complete.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tendo/errors.h>
#include <tendo/report.h>

static const tendo_reference table[] = {
	/* the literature */
	{ "Silbernagel", "Silbernagel et al. 2007",
	  "Silbernagel KG, Thome\xc3\xa9 R, Eriksson BI, Karlsson J. Continued sports activity, using a pain-monitoring "
	  "model, during rehabilitation in patients with Achilles tendinopathy: a randomized controlled study. "
	  "Am J Sports Med. 2007;35(6):897-906." },
	{ "Thomee", "Thome\xc3\xa9 1997",
	  "Thome\xc3\xa9 R. A comprehensive treatment approach for patellofemoral pain syndrome in young women. "
	  "Phys Ther. 1997;77(12):1690-1703. (The origin of the pain-monitoring model.)" },
	{ "Goom et al", "Goom et al. 2016",
	  "Goom TSH, Malliaras P, Reiman MP, Purdam CR. Proximal hamstring tendinopathy: clinical aspects of "
	  "assessment and management. J Orthop Sports Phys Ther. 2016;46(6):483-493." },
	{ "Kongsgaard", "Kongsgaard et al. 2009",
	  "Kongsgaard M, Kovanen V, Aagaard P, et al. Corticosteroid injections, eccentric decline squat training "
	  "and heavy slow resistance training in patellar tendinopathy. Scand J Med Sci Sports. 2009;19(6):790-802." },
	{ "Rio et al", "Rio et al. 2015",
	  "Rio E, Kidgell D, Purdam C, et al. Isometric exercise induces analgesia and reduces inhibition in "
	  "patellar tendinopathy. Br J Sports Med. 2015;49(19):1277-1283." },
	{ "Magnusson", "Magnusson et al. 2010",
	  "Magnusson SP, Langberg H, Kjaer M. The pathogenesis of tendinopathy: balancing the response to "
	  "loading. Nat Rev Rheumatol. 2010;6(5):262-268." },
	{ "Cacchio", "Cacchio et al. 2014",
	  "Cacchio A, De Paulis F, Maffulli N. Development and validation of a new VISA questionnaire (VISA-H) "
	  "for patients with proximal hamstring tendinopathy. Br J Sports Med. 2014;48(6):448-452." },
	{ "Heiderscheit", "Heiderscheit et al. 2011",
	  "Heiderscheit BC, Chumanov ES, Michalski MP, Wille CM, Ryan MB. Effects of step rate manipulation on "
	  "joint mechanics during running. Med Sci Sports Exerc. 2011;43(2):296-302." },
	{ "Chumanov", "Chumanov et al. 2012",
	  "Chumanov ES, Wille CM, Michalski MP, Heiderscheit BC. Changes in muscle activation patterns when "
	  "running step rate is increased. Gait Posture. 2012;36(2):231-235." },
	{ "Foster", "Foster et al. 2001",
	  "Foster C, Florhaug JA, Franklin J, et al. A new approach to monitoring exercise training. "
	  "J Strength Cond Res. 2001;15(1):109-115. (Session RPE load, monotony.)" },
	{ "Williams", "Williams et al. 2017",
	  "Williams S, West S, Cross MJ, Stokes KA. Better way to determine the acute:chronic workload ratio? "
	  "Br J Sports Med. 2017;51(3):209-210. (Exponentially weighted moving averages.)" },
	{ "Gabbett", "Gabbett 2016",
	  "Gabbett TJ. The training-injury prevention paradox: should athletes be training smarter and harder? "
	  "Br J Sports Med. 2016;50(5):273-280. (The 0.8-1.3 acute:chronic band.)" },
	{ "Impellizzeri", "Impellizzeri et al. 2020",
	  "Impellizzeri FM, Tenan MS, Kempton T, Novak A, Coutts AJ. Acute:chronic workload ratio: conceptual "
	  "issues and fundamental pitfalls. Int J Sports Physiol Perform. 2020;15(6):907-913." },
	/* the source documents tendo was written from (as their texts name them) */
	{ "seed:000", "Runner's account (Anna)",
	  "Anna. A runner's account of recovering from hamstring tendinopathy (isometric holds, heavy slow "
	  "strength work, the stair machine, a gradual return to parkrun). Personal running blog, undated." },
	{ "seed:001", "Runner's account (Jess)",
	  "Jess. High hamstring tendinopathy: a marathon runner and triathlete's diagnosis, shockwave therapy, "
	  "rehab and cross-training. Personal blog, undated." },
	{ "seed:002", "Louw, running with PHT",
	  "Louw M (chartered physiotherapist). Running with proximal hamstring tendinopathy - tips to help "
	  "recovery. Sports Injury Physio (online physiotherapy practice, UK), undated." },
	{ "seed:003", "Goom, return to running after PHT",
	  "Goom T (senior physiotherapist, The Physio Rooms Brighton). Return to running after proximal "
	  "hamstring tendinopathy: readiness tests, pain monitoring, spacing rehab and runs, sample schedules. "
	  "Online article, undated." },
	{ "seed:004", "Sprinters' forum thread",
	  "Proximal hamstring tendinopathy/tendinosis: treatment options. Sprint coaching forum thread with "
	  "athletes' and coaches' replies (isometrics 2-5 min a day, gradual return to speed), 2015-2016." },
	/* tendo's own protocol specification, section by section */
	{ "protocol:2", "tendo protocol, section 2",
	  "tendo protocol specification, section 2: the pain-monitoring model (ceiling during activity, the "
	  "next morning's response, week-to-week trend, the daily monitoring task), after Silbernagel et al. "
	  "2007, Thome\xc3\xa9 1997, Goom et al. 2016 and Louw." },
	{ "protocol:3", "tendo protocol, section 3",
	  "tendo protocol specification, section 3: the stages (settle, strength, return to run, full load) "
	  "and when to leave each, after the runners' accounts, Goom and Goom et al. 2016." },
	{ "protocol:4", "tendo protocol, section 4",
	  "tendo protocol specification, section 4: readiness to run (drop lunge, single-leg bridge, prone "
	  "curl 10RM; limb symmetry), after Goom's return-to-running article." },
	{ "protocol:5", "tendo protocol, section 5",
	  "tendo protocol specification, section 5: running progression (flat, easy, short steps; weekly "
	  "growth), after Louw and Goom." },
	{ "protocol:6", "tendo protocol, section 6",
	  "tendo protocol specification, section 6: scheduling (strength 48 h apart, 24 h between strength "
	  "and running), after Goom and Magnusson et al. 2010." },
	{ "protocol:7", "tendo protocol, section 7",
	  "tendo protocol specification, section 7: red flags that stop loading and call for a clinician "
	  "(a pop or bruising, numbness or tingling, night pain, no improvement after about 12 weeks)." },
	{ "protocol:8", "tendo protocol, section 8",
	  "tendo protocol specification, section 8: outcome measures and load metrics (VISA-H, session RPE "
	  "load, monotony, acute:chronic ratio), after Cacchio et al. 2014, Foster et al. 2001 and Williams "
	  "et al. 2017." },
	{ "protocol:9", "tendo protocol, section 9",
	  "tendo protocol specification, section 9: what a watch's run file tells the engine (time on hills, "
	  "time faster than easy pace, step rate)." },
	{ "protocol:10", "tendo protocol, section 10",
	  "tendo protocol specification, section 10: safety rules on real logs (pain over the ceiling earlier "
	  "the same day, gaps, loads per side, both sides affected, long flares, aggravators, timed spacing), "
	  "the conservative reading where the sources leave a gap." },
	{ "protocol:11", "tendo protocol, section 11",
	  "tendo protocol specification, section 11: starting mid-rehab at the stage a clinician set." },
};

#define N_REFS (sizeof(table) / sizeof(table[0]))

const tendo_reference *tendo_references(size_t *n)
{
	*n = N_REFS;
	return table;
}

static int find(const char *key)
{
	for (size_t i = 0; i < N_REFS; i++)
		if (strcmp(table[i].id, key) == 0)
			return (int)i;
	return -1;
}

static void add(int *out, int max, int *n, int ref)
{
	for (int k = 0; k < *n && k < max; k++)
		if (out[k] == ref)
			return;
	if (*n < max)
		out[*n] = ref;
	(*n)++;
}

/* A part naming seeds: "seed 003 (Goom ...)", "seeds 000, 003, 004", "forum seed 004 (...)". */
static int seeds(const char *part, size_t len, int *out, int max, int *n)
{
	const char *p = strstr(part, "seed");
	const char *end = part + len;
	int found = 0;
	for (p += 4; p < end && *p != '('; p++) {
		if (isdigit((unsigned char)*p) && p + 3 <= end && isdigit((unsigned char)p[1]) &&
		    isdigit((unsigned char)p[2])) {
			char key[16];
			snprintf(key, sizeof(key), "seed:%.3s", p);
			int r = find(key);
			if (r < 0)
				return -1;
			add(out, max, n, r);
			found++;
			p += 2;
		}
	}
	return found ? 0 : -1;
}

/* A part naming sections of the protocol: "PROTOCOL.md 10.1, 2, 6". */
static int sections(const char *part, size_t len, int *out, int max, int *n)
{
	const char *p = strstr(part, "PROTOCOL.md") + 11;
	const char *end = part + len;
	int found = 0;
	while (p < end) {
		if (!isdigit((unsigned char)*p)) {
			p++;
			continue;
		}
		int sec = 0;
		while (p < end && isdigit((unsigned char)*p))
			sec = sec * 10 + (*p++ - '0');
		while (p < end && (*p == '.' || isdigit((unsigned char)*p)))
			p++; /* the subsection: the section's entry covers it */
		char key[24];
		snprintf(key, sizeof(key), "protocol:%d", sec);
		int r = find(key);
		if (r < 0)
			return -1;
		add(out, max, n, r);
		found++;
	}
	return found ? 0 : -1;
}

int tendo_references_cite(int *out, int max, const char *source)
{
	int n = 0;
	const char *p = source ? source : "";
	while (*p) {
		while (*p == ' ' || *p == ';')
			p++;
		size_t len = strcspn(p, ";");
		if (!len)
			break;
		char part[256];
		snprintf(part, sizeof(part), "%.*s", (int)(len < sizeof(part) ? len : sizeof(part) - 1), p);
		size_t plen = strlen(part);
		int rc = -1;
		if (strstr(part, "PROTOCOL.md"))
			rc = sections(part, plen, out, max, &n);
		else if (strstr(part, "seed"))
			rc = seeds(part, plen, out, max, &n);
		else
			for (size_t i = 0; i < N_REFS; i++)
				if (strncmp(table[i].id, "seed:", 5) != 0 && strncmp(table[i].id, "protocol:", 9) != 0 &&
				    strstr(part, table[i].id)) {
					add(out, max, &n, (int)i);
					rc = 0;
					break;
				}
		if (rc)
			return tendo_error_set(TENDO_ENOTFOUND, "references: no citation for \"%s\"", part);
		p += len;
	}
	return n;
}
