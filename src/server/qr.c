/*
 * qr.c - the start-up URL as a QR code on the terminal (libqrencode):
 * two rows of modules per line of text with the Unicode half blocks, light
 * modules drawn and dark ones left blank, so it scans on the usual dark
 * terminal; a quiet zone of two modules around it.
 */
#include <qrencode.h>

#include "server.h"

#define QUIET 2

/* Module (x, y) is dark; outside the symbol (the quiet zone) is light. */
static int dark(const QRcode *q, int x, int y)
{
	if (x < 0 || y < 0 || x >= q->width || y >= q->width)
		return 0;
	return q->data[y * q->width + x] & 1;
}

int srv_qr_print(FILE *f, const char *text)
{
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_L, QR_MODE_8, 1);
	if (!q)
		return -1;
	for (int y = -QUIET; y < q->width + QUIET; y += 2) {
		for (int x = -QUIET; x < q->width + QUIET; x++) {
			int top = !dark(q, x, y), bottom = !dark(q, x, y + 1); /* light = drawn */
			if (y + 1 >= q->width + QUIET)
				bottom = 0;
			fputs(top && bottom ? "\xe2\x96\x88"   /* U+2588 full block */
			      : top         ? "\xe2\x96\x80"   /* U+2580 upper half */
			      : bottom      ? "\xe2\x96\x84"   /* U+2584 lower half */
			                    : " ",
			      f);
		}
		fputc('\n', f);
	}
	QRcode_free(q);
	return 0;
}
