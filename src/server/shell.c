/*
 * shell.c - the installable app shell: the web app manifest, the icon (SVG,
 * and PNG at 192, 512 and Apple's 180 px, drawn here from the same shapes
 * and encoded with zlib on first use), the <head> lines that point at them,
 * and the stylesheet rules that make the pages look like an app on a phone
 * (sticky header, big buttons), appended to pages.c's.
 *
 * Exports shell_head(), shell_css, shell_manifest(), shell_icon_svg(),
 * shell_icon_png(). The PNGs are made once per process (pthread_once) and
 * kept until exit; a failure to make one (no memory) answers 500.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "server_int.h"

#define THEME "#0a4a80" /* the buttons' and the header's blue */

/* ------------------------------------------------------------ the head */

void shell_head(tendo_buf *b)
{
	tendo_buf_puts(b, "<link rel=\"manifest\" href=\"/manifest.webmanifest\">"
	                  "<meta name=\"theme-color\" content=\"" THEME "\">"
	                  "<link rel=\"icon\" href=\"/static/icon.svg\" type=\"image/svg+xml\">"
	                  "<link rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\">"
	                  "<meta name=\"mobile-web-app-capable\" content=\"yes\">"
	                  "<meta name=\"apple-mobile-web-app-capable\" content=\"yes\">"
	                  "<meta name=\"apple-mobile-web-app-title\" content=\"tendo\">");
}

/* ---------------------------------------------------------- the styles */

/* After pages.c's rules, so these win. On a phone: the nav is a header bar
 * that stays at the top, one row that scrolls sideways when its links do not
 * fit (a tab bar), the page's buttons span the width; on a desktop the
 * same column, centred. The bar is as wide as the column (whatever a page's
 * own stylesheet does to the body's padding) and painted to the window's
 * edges by a shadow of its colour clipped to its height: no layout width, so
 * no sideways scroll. A long word (a file's name) wraps in main. */
const char shell_css[] =
	"body>nav{position:sticky;top:0;z-index:10;background:" THEME ";border-bottom:0;margin:0 0 1rem;"
	"padding:0;box-shadow:0 0 0 100vmax " THEME ";clip-path:inset(0 -100vmax)}"
	"main{overflow-wrap:break-word}"
	"body>nav{flex-wrap:nowrap;overflow-x:auto;scrollbar-width:none}body>nav::-webkit-scrollbar{display:none}"
	"body>nav a{color:#fff;display:inline-flex;align-items:center;flex:none;white-space:nowrap}"
	"body>nav a:focus{outline-color:#ffb84d;outline-offset:-3px}"
	"body>nav a[aria-current=page]{text-decoration:underline;text-underline-offset:.3em}"
	".form-actions button,form.done button{width:100%;max-width:20rem;min-height:52px}"
	"a.alt,main>p>a:only-child{display:inline-flex;align-items:center;min-height:44px}"
	"ul.rehab li{margin:.5rem 0}ul.rehab a{display:flex;align-items:center;width:max-content;padding:0 .25rem}"
	"footer{padding-bottom:env(safe-area-inset-bottom)}"
	"@media (max-width:47.99rem){input:not([type=checkbox]):not([type=radio]),select,.form-actions button,"
	"form.done button{max-width:none}}"
	"@media (min-width:48rem){body{max-width:48rem;padding:0 2rem 2rem}body>nav{flex-wrap:wrap;margin:0 0 1.5rem}}";

/* -------------------------------------------------------- the manifest */

static const char MANIFEST[] =
	"{\n"
	"  \"name\": \"tendo - hamstring tendon rehab\",\n"
	"  \"short_name\": \"tendo\",\n"
	"  \"description\": \"The morning check-in, today's run and rehab, and the log.\",\n"
	"  \"id\": \"/\",\n"
	"  \"start_url\": \"/\",\n"
	"  \"scope\": \"/\",\n"
	"  \"display\": \"standalone\",\n"
	"  \"orientation\": \"portrait\",\n"
	"  \"theme_color\": \"" THEME "\",\n"
	"  \"background_color\": \"#ffffff\",\n"
	"  \"icons\": [\n"
	"    {\"src\": \"/static/icon-192.png\", \"sizes\": \"192x192\", \"type\": \"image/png\", \"purpose\": \"any\"},\n"
	"    {\"src\": \"/static/icon-512.png\", \"sizes\": \"512x512\", \"type\": \"image/png\", \"purpose\": \"any\"},\n"
	"    {\"src\": \"/static/icon-512.png\", \"sizes\": \"512x512\", \"type\": \"image/png\", \"purpose\": \"maskable\"},\n"
	"    {\"src\": \"/static/icon.svg\", \"sizes\": \"any\", \"type\": \"image/svg+xml\", \"purpose\": \"any\"}\n"
	"  ]\n"
	"}\n";

void shell_manifest(srv_req *q, srv_reply *r)
{
	(void)q;
	reply_static(r, 200, "application/manifest+json", MANIFEST);
}

/* ------------------------------------------------------------ the icon */

/*
 * The glyph: a white lowercase "t" on the theme's blue, its foot curling
 * forward like a tendon into its insertion. Units: the icon is 100 x 100.
 * Everything lies within the circle of radius 40 around the centre, the
 * safe zone of a maskable icon (the PNGs are full-bleed squares; the
 * launcher cuts its own shape).
 *   stem      x 42-54, y 18-60
 *   foot      the quarter ring around (64, 60), radii 10-22, lower left
 *   toe       x 64-70, y 70-82
 *   crossbar  x 28-72, y 32-43
 */
static const char ICON_SVG[] =
	"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\" width=\"512\" height=\"512\">"
	"<title>tendo</title>"
	"<rect width=\"100\" height=\"100\" rx=\"18\" fill=\"" THEME "\"/>"
	"<path fill=\"#fff\" d=\"M42 18h12v42a10 10 0 0 0 10 10h6v12h-6a22 22 0 0 1-22-22z\"/>"
	"<rect x=\"28\" y=\"32\" width=\"44\" height=\"11\" fill=\"#fff\"/>"
	"</svg>\n";

void shell_icon_svg(srv_req *q, srv_reply *r)
{
	(void)q;
	reply_static(r, 200, "image/svg+xml", ICON_SVG);
}

/* Is the point (x, y), in the icon's units, on the glyph? */
static bool glyph(double x, double y)
{
	if (x >= 42 && x <= 54 && y >= 18 && y <= 60)
		return true; /* stem */
	if (x <= 64 && y >= 60) { /* foot */
		double dx = x - 64, dy = y - 60, d2 = dx * dx + dy * dy;
		if (d2 >= 10.0 * 10.0 && d2 <= 22.0 * 22.0)
			return true;
	}
	if (x >= 64 && x <= 70 && y >= 70 && y <= 82)
		return true; /* toe */
	return x >= 28 && x <= 72 && y >= 32 && y <= 43; /* crossbar */
}

/* The icon at size x size pixels as 8-bit RGB rows; 4 x 4 samples per
 * pixel smooth the edges. NULL for no memory. */
static unsigned char *icon_draw(unsigned size)
{
	static const unsigned char bg[3] = { 0x0a, 0x4a, 0x80 }, fg[3] = { 0xff, 0xff, 0xff };
	unsigned char *px = malloc((size_t)size * size * 3);
	if (!px)
		return NULL;
	double unit = 100.0 / size;
	for (unsigned j = 0; j < size; j++)
		for (unsigned i = 0; i < size; i++) {
			int hits = 0;
			for (int sy = 0; sy < 4; sy++)
				for (int sx = 0; sx < 4; sx++)
					hits += glyph((i + (sx + 0.5) / 4) * unit, (j + (sy + 0.5) / 4) * unit);
			unsigned char *p = px + ((size_t)j * size + i) * 3;
			for (int c = 0; c < 3; c++)
				p[c] = (unsigned char)((bg[c] * (16 - hits) + fg[c] * hits + 8) / 16);
		}
	return px;
}

static unsigned char *put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
	return p + 4;
}

/* One PNG chunk at p: length, type, data, CRC of type and data. */
static unsigned char *chunk(unsigned char *p, const char type[4], const unsigned char *data, uint32_t len)
{
	p = put32(p, len);
	memcpy(p, type, 4);
	if (len)
		memcpy(p + 4, data, len);
	uLong crc = crc32(0L, p, (uInt)(4 + len));
	return put32(p + 4 + len, (uint32_t)crc);
}

/* RGB rows as a PNG (8-bit truecolour, filter 0 on every row, one IDAT):
 * malloc'd into *out, its length in *len; false for no memory. */
static bool png_encode(const unsigned char *rgb, unsigned w, unsigned h, unsigned char **out, size_t *len)
{
	size_t row = (size_t)w * 3 + 1, raw_len = row * h;
	unsigned char *raw = malloc(raw_len);
	uLongf zlen = compressBound((uLong)raw_len);
	unsigned char *z = malloc(zlen);
	unsigned char *png = z ? malloc(8 + 25 + 12 + (size_t)zlen + 12) : NULL;
	if (!raw || !z || !png || zlen > UINT32_MAX) {
		free(raw);
		free(z);
		free(png);
		return false;
	}
	for (unsigned j = 0; j < h; j++) {
		raw[j * row] = 0;
		memcpy(raw + j * row + 1, rgb + (size_t)j * w * 3, (size_t)w * 3);
	}
	int zrc = compress2(z, &zlen, raw, (uLong)raw_len, 9);
	free(raw);
	if (zrc != Z_OK) {
		free(z);
		free(png);
		return false;
	}
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	unsigned char ihdr[13];
	put32(ihdr, w);
	put32(ihdr + 4, h);
	ihdr[8] = 8;  /* bits per channel */
	ihdr[9] = 2;  /* truecolour */
	ihdr[10] = 0; /* deflate */
	ihdr[11] = 0; /* adaptive filtering (each row says its filter) */
	ihdr[12] = 0; /* not interlaced */
	unsigned char *p = png;
	memcpy(p, sig, 8);
	p = chunk(p + 8, "IHDR", ihdr, 13);
	p = chunk(p, "IDAT", z, (uint32_t)zlen);
	p = chunk(p, "IEND", NULL, 0);
	free(z);
	*out = png;
	*len = (size_t)(p - png);
	return true;
}

typedef struct {
	unsigned size;      /* pixels a side */
	unsigned char *png; /* made once, kept until exit; NULL if that failed */
	size_t len;
} icon_png;

static icon_png icons[3] = { { 192, NULL, 0 }, { 512, NULL, 0 }, { 180, NULL, 0 } };
static pthread_once_t icons_once = PTHREAD_ONCE_INIT;

static void icons_make(void)
{
	for (size_t k = 0; k < sizeof(icons) / sizeof(icons[0]); k++) {
		unsigned char *rgb = icon_draw(icons[k].size);
		if (rgb && !png_encode(rgb, icons[k].size, icons[k].size, &icons[k].png, &icons[k].len))
			icons[k].png = NULL;
		free(rgb);
	}
}

void shell_icon_png(srv_req *q, srv_reply *r)
{
	unsigned size = strcmp(q->path, "/static/icon-512.png") == 0 ? 512
	                : strcmp(q->path, "/apple-touch-icon.png") == 0 ? 180
	                                                                : 192;
	pthread_once(&icons_once, icons_make);
	for (size_t k = 0; k < sizeof(icons) / sizeof(icons[0]); k++) {
		if (icons[k].size != size)
			continue;
		if (!icons[k].png) {
			page_error(r, 500, "Server error", "out of memory drawing the icon");
			return;
		}
		/* a static body with a length: the bytes hold NULs */
		reply_static(r, 200, "image/png", "");
		r->body_static = (const char *)icons[k].png;
		r->len = icons[k].len;
		return;
	}
}
