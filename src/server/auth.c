/*
 * auth.c - the server's secrets: the token file (256 random bits, mode
 * 0600), comparison in constant time, and the session table behind the
 * cookie (each session with its own CSRF token).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "server_int.h"

int auth_random_hex(char *out, size_t nbytes)
{
	unsigned char raw[64];
	if (nbytes > sizeof(raw)) {
		errno = EINVAL;
		return -1;
	}
	size_t got = 0;
	while (got < nbytes) {
		ssize_t n = getrandom(raw + got, nbytes - got, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	if (got < nbytes) { /* no getrandom(2): the device */
		int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return -1;
		while (got < nbytes) {
			ssize_t n = read(fd, raw + got, nbytes - got);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				close(fd);
				errno = EIO;
				return -1;
			}
			got += (size_t)n;
		}
		close(fd);
	}
	static const char hex[] = "0123456789abcdef";
	for (size_t k = 0; k < nbytes; k++) {
		out[2 * k] = hex[raw[k] >> 4];
		out[2 * k + 1] = hex[raw[k] & 15];
	}
	out[2 * nbytes] = '\0';
	return 0;
}

bool auth_equal(const char *given, const char *secret)
{
	if (!given || !secret)
		return false;
	size_t n = strlen(secret);
	/* every byte of the secret is looked at whatever `given` holds; a
	 * shorter `given` keeps reading its NUL */
	unsigned char diff = 0;
	size_t g = 0;
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)given[g];
		diff |= (unsigned char)(c ^ (unsigned char)secret[k]);
		g += c != 0;
	}
	diff |= (unsigned char)given[g]; /* longer than the secret */
	return diff == 0 && n > 0;
}

static bool all_hex(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!((s[k] >= '0' && s[k] <= '9') || (s[k] >= 'a' && s[k] <= 'f')))
			return false;
	return true;
}

int auth_token_load(char out[SRV_TOKEN_HEX + 1], const char *dir, char *path_out, size_t path_sz, char *err,
                    size_t errsz)
{
	char d[3800];
	if (dir) {
		snprintf(d, sizeof(d), "%s", dir);
	} else {
		const char *x = getenv("XDG_CONFIG_HOME"), *h = getenv("HOME");
		if (x && x[0] == '/')
			snprintf(d, sizeof(d), "%s/tendo", x);
		else if (h && h[0])
			snprintf(d, sizeof(d), "%s/.config/tendo", h);
		else {
			snprintf(err, errsz, "cannot keep the token: neither XDG_CONFIG_HOME nor HOME is set");
			return -1;
		}
	}
	/* the folder and its parents (~/.config may not exist yet) */
	for (char *p = d + 1;; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(d, c ? 0755 : 0700) != 0 && errno != EEXIST) {
				snprintf(err, errsz, "cannot create %s: %s", d, strerror(errno));
				return -1;
			}
			*p = c;
			if (!c)
				break;
		}
	}
	char path[4096];
	snprintf(path, sizeof(path), "%s/serve-token", d);
	snprintf(path_out, path_sz, "%s", path);
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd >= 0) {
		struct stat st;
		char buf[SRV_TOKEN_HEX + 2];
		ssize_t n = fstat(fd, &st) == 0 ? read(fd, buf, sizeof(buf)) : -1;
		if (n >= 0 && (st.st_mode & 077) && fchmod(fd, 0600) != 0)
			n = -1;
		close(fd);
		if (n == SRV_TOKEN_HEX + 1 && buf[SRV_TOKEN_HEX] == '\n')
			n = SRV_TOKEN_HEX;
		if (n != SRV_TOKEN_HEX || !all_hex(buf, SRV_TOKEN_HEX)) {
			snprintf(err, errsz, "%s is not a tendo token (64 hex digits): remove it and a new one is made", path);
			return -1;
		}
		memcpy(out, buf, SRV_TOKEN_HEX);
		out[SRV_TOKEN_HEX] = '\0';
		return 0;
	}
	if (errno != ENOENT) {
		snprintf(err, errsz, "cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	if (auth_random_hex(out, SRV_TOKEN_HEX / 2) != 0) {
		snprintf(err, errsz, "no random bytes for the token: %s", strerror(errno));
		return -1;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		snprintf(err, errsz, "cannot create %s: %s", path, strerror(errno));
		return -1;
	}
	char line[SRV_TOKEN_HEX + 1];
	memcpy(line, out, SRV_TOKEN_HEX);
	line[SRV_TOKEN_HEX] = '\n';
	bool ok = write(fd, line, sizeof(line)) == (ssize_t)sizeof(line) && fsync(fd) == 0;
	int e = errno;
	if (close(fd) != 0 || !ok) {
		unlink(path);
		snprintf(err, errsz, "cannot write %s: %s", path, strerror(ok ? errno : e));
		return -1;
	}
	return 0;
}

void auth_sessions_init(srv_sessions *t)
{
	memset(t->s, 0, sizeof(t->s));
	pthread_mutex_init(&t->lock, NULL);
}

void auth_sessions_dispose(srv_sessions *t)
{
	memset(t->s, 0, sizeof(t->s)); /* no secret left in memory */
	pthread_mutex_destroy(&t->lock);
}

static int session_new(srv_sessions *t, bool readonly, int64_t share_id, srv_session *out)
{
	srv_session n = { .used = true, .last = time(NULL), .readonly = readonly, .share_id = share_id };
	if (auth_random_hex(n.id, SRV_TOKEN_HEX / 2) || auth_random_hex(n.csrf, SRV_TOKEN_HEX / 2))
		return -1;
	pthread_mutex_lock(&t->lock);
	size_t slot = 0;
	for (size_t k = 0; k < SRV_SESSIONS_MAX; k++) {
		if (!t->s[k].used || n.last - t->s[k].last > SRV_SESSION_IDLE) {
			slot = k;
			break;
		}
		if (t->s[k].last < t->s[slot].last)
			slot = k; /* the least recently used */
	}
	t->s[slot] = n;
	pthread_mutex_unlock(&t->lock);
	*out = n;
	return 0;
}

int auth_session_new(srv_sessions *t, srv_session *out)
{
	return session_new(t, false, 0, out);
}

int auth_session_new_share(srv_sessions *t, int64_t share_id, srv_session *out)
{
	return session_new(t, true, share_id, out);
}

bool auth_session_find(srv_sessions *t, const char *id, srv_session *out)
{
	if (!id || strlen(id) != SRV_TOKEN_HEX)
		return false;
	time_t now = time(NULL);
	bool found = false;
	pthread_mutex_lock(&t->lock);
	for (size_t k = 0; k < SRV_SESSIONS_MAX; k++) {
		/* every used slot compared in full: no early exit on a match */
		bool hit = t->s[k].used && auth_equal(id, t->s[k].id);
		if (hit && now - t->s[k].last <= SRV_SESSION_IDLE && !found) {
			t->s[k].last = now;
			*out = t->s[k];
			found = true;
		}
	}
	pthread_mutex_unlock(&t->lock);
	return found;
}
