/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-load-text.c - load.md's figures in words, as the window shows them:
 * rounded as the CLI rounds, so a reader can check one against the other. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rc-load-text.h"

char *
rc_load_text_figure (double value,
                     int    decimals)
{
  double scale = pow (10, decimals);
  double rounded;

  if (isnan (value))
    return g_strdup ("–");
  rounded = round (value * scale) / scale;
  if (rounded == 0.0)
    rounded = 0.0;   /* never "-0" */
  if (rounded < 0)
    return g_strdup_printf ("−%.*f", decimals, -rounded);
  return g_strdup_printf ("%.*f", decimals, rounded);
}

char *
rc_load_text_band (const RcLoadDay *day)
{
  g_autofree char *acwr = NULL;

  g_return_val_if_fail (day != NULL, NULL);

  acwr = rc_load_text_figure (day->acwr, 2);
  switch (day->band)
    {
    case RC_ACWR_LOW:
      /* Translators: the acute:chronic workload ratio's band, with the ratio */
      return g_strdup_printf (_("load low (ACWR %s)"), acwr);
    case RC_ACWR_STEADY:
      /* Translators: the acute:chronic workload ratio's band, with the ratio */
      return g_strdup_printf (_("load steady (ACWR %s)"), acwr);
    case RC_ACWR_RISING_FAST:
      /* Translators: the acute:chronic workload ratio's band, with the ratio */
      return g_strdup_printf (_("load rising fast (ACWR %s)"), acwr);
    case RC_ACWR_SPIKE:
      /* Translators: the acute:chronic workload ratio's band, with the ratio */
      return g_strdup_printf (_("load spiking (ACWR %s)"), acwr);
    case RC_ACWR_NONE:
    case RC_N_ACWR_BANDS:
    default:
      return g_strdup (_("no load yet"));
    }
}

char *
rc_load_text_band_line (const RcLoadDay *day)
{
  g_autofree char *band = NULL;
  gunichar first;
  char buf[8];
  int n;

  g_return_val_if_fail (day != NULL, NULL);

  /* the clause starts the line: its first letter as a title */
  band = rc_load_text_band (day);
  first = g_utf8_get_char (band);
  n = g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  return g_strdup_printf ("%.*s%s", n, buf, g_utf8_next_char (band));
}

char *
rc_load_text_day (const RcLoadDay *day)
{
  g_autofree char *atl = NULL;
  g_autofree char *ctl = NULL;
  g_autofree char *tsb = NULL;

  g_return_val_if_fail (day != NULL, NULL);

  atl = rc_load_text_figure (day->atl, 1);
  ctl = rc_load_text_figure (day->ctl, 1);
  tsb = rc_load_text_figure (day->tsb, 1);
  /* Translators: load.md's ATL, CTL and TSB of a day, each with its everyday name */
  return g_strdup_printf (_("Fatigue (ATL) %1$s, fitness (CTL) %2$s, form (TSB) %3$s"),
                          atl, ctl, tsb);
}

GPtrArray *
rc_load_text_list_history (RcStore *store,
                           RcDay    last)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  g_return_val_if_fail (RC_IS_STORE (store), NULL);

  list = rc_store_list (store, RC_DAY_INVALID, last, &error);
  if (list == NULL)
    g_warning ("Cannot read the training history: %s", error->message);
  return list;
}
