/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-chip-title.c - an entry chip's title: wrapped at words, or cut short. */

#include "config.h"

#include <string.h>

#include "rc-chip-title.h"

/* Pango wraps at words or ellipsizes a line, but does not ellipsize a word
 * that overflows a wrapped line (PANGO_WRAP_WORD_CHAR broke it with a
 * hyphen instead: "Temp-o run"). So the title is wrapped at words by its
 * label, from a text in which each word wider than the chip is already cut
 * short with an ellipsis. The cuts come from one unwrapped layout of the
 * whole title, made once per title: its heights only shrink as the chip
 * widens, as GTK's size cache expects. */
struct _RcChipTitle
{
  GtkWidget    parent_instance;

  GtkLabel    *label;     /* the text as fitted to the allocated width */
  char        *text;      /* the whole title */
  gboolean     wrap;
  PangoLayout *line;      /* the whole title on one line; NULL until needed */
  PangoLayout *fitted;    /* for measuring a fitted text */
};

G_DEFINE_FINAL_TYPE (RcChipTitle, rc_chip_title, GTK_TYPE_WIDGET)

#define ELLIPSIS "…"

static PangoLayout *
line_layout (RcChipTitle *self)
{
  if (self->line == NULL)
    self->line = gtk_widget_create_pango_layout (GTK_WIDGET (self->label), self->text);
  return self->line;
}

static int
x_of (PangoLayout *layout,
      int          index)
{
  PangoRectangle pos;

  pango_layout_index_to_pos (layout, index, &pos);
  return PANGO_PIXELS (pos.x);
}

static int
ellipsis_width (RcChipTitle *self)
{
  g_autoptr(PangoLayout) dots = gtk_widget_create_pango_layout (GTK_WIDGET (self->label), ELLIPSIS);
  int width = 0;

  pango_layout_get_pixel_size (dots, &width, NULL);
  return width;
}

/* The title with each word wider than WIDTH cut to fit, ellipsis included. */
static char *
fit_words (RcChipTitle *self,
           int          width)
{
  PangoLayout *line = line_layout (self);
  GString *out = g_string_new (NULL);
  const char *text = self->text;
  int ellipsis = 0;

  for (gsize start = 0; text[start] != '\0';)
    {
      gsize end = start;
      int index = 0, trailing = 0;

      while (text[end] != '\0' && text[end] != ' ')
        end++;
      if (end > start && x_of (line, (int) end) - x_of (line, (int) start) > width)
        {
          if (ellipsis == 0)
            ellipsis = ellipsis_width (self);
          pango_layout_xy_to_index (line, (x_of (line, (int) start) + MAX (width - ellipsis, 0)) * PANGO_SCALE,
                                    0, &index, &trailing);
          index = MAX (index, (int) (g_utf8_next_char (text + start) - text));
          g_string_append_len (out, text + start, index - (int) start);
          g_string_append (out, ELLIPSIS);
        }
      else
        g_string_append_len (out, text + start, end - start);
      for (start = end; text[start] == ' '; start++)
        g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

static GtkSizeRequestMode
rc_chip_title_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rc_chip_title_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  RcChipTitle *self = RC_CHIP_TITLE (widget);
  g_autofree char *fitted = NULL;
  int width = 0, height = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL && self->wrap)
    {
      /* as narrow as an ellipsis (an ellipsized label asks as little), as
       * wide as the text on one line */
      *minimum = ellipsis_width (self);
      pango_layout_get_pixel_size (line_layout (self), &width, NULL);
      *natural = MAX (*minimum, width);
      return;
    }
  if (orientation == GTK_ORIENTATION_HORIZONTAL || !self->wrap || for_size < 0)
    {
      gtk_widget_measure (GTK_WIDGET (self->label), orientation, -1, minimum, natural, NULL, NULL);
      return;
    }
  fitted = fit_words (self, for_size);
  if (self->fitted == NULL)
    {
      self->fitted = gtk_widget_create_pango_layout (GTK_WIDGET (self->label), NULL);
      pango_layout_set_wrap (self->fitted, PANGO_WRAP_WORD);
    }
  pango_layout_set_text (self->fitted, fitted, -1);
  pango_layout_set_width (self->fitted, for_size * PANGO_SCALE);
  pango_layout_get_pixel_size (self->fitted, NULL, &height);
  *minimum = *natural = height;
}

static void
rc_chip_title_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  RcChipTitle *self = RC_CHIP_TITLE (widget);

  if (self->wrap)
    {
      g_autofree char *fitted = fit_words (self, width);

      if (g_strcmp0 (gtk_label_get_text (self->label), fitted) != 0)
        gtk_label_set_text (self->label, fitted);
    }
  gtk_widget_measure (GTK_WIDGET (self->label), GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (self->label), &(GtkAllocation) { 0, 0, width, height }, baseline);
}

/* Another font or scale: the layouts measured the old one. */
static void
rc_chip_title_system_setting_changed (GtkWidget        *widget,
                                      GtkSystemSetting  setting)
{
  RcChipTitle *self = RC_CHIP_TITLE (widget);

  g_clear_object (&self->line);
  g_clear_object (&self->fitted);
  GTK_WIDGET_CLASS (rc_chip_title_parent_class)->system_setting_changed (widget, setting);
}

static void
rc_chip_title_dispose (GObject *object)
{
  RcChipTitle *self = RC_CHIP_TITLE (object);

  if (self->label != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->label));
  self->label = NULL;
  g_clear_object (&self->line);
  g_clear_object (&self->fitted);
  G_OBJECT_CLASS (rc_chip_title_parent_class)->dispose (object);
}

static void
rc_chip_title_finalize (GObject *object)
{
  g_free (RC_CHIP_TITLE (object)->text);
  G_OBJECT_CLASS (rc_chip_title_parent_class)->finalize (object);
}

static void
rc_chip_title_class_init (RcChipTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_chip_title_dispose;
  object_class->finalize = rc_chip_title_finalize;
  widget_class->get_request_mode = rc_chip_title_get_request_mode;
  widget_class->measure = rc_chip_title_measure;
  widget_class->size_allocate = rc_chip_title_size_allocate;
  widget_class->system_setting_changed = rc_chip_title_system_setting_changed;
}

static void
rc_chip_title_init (RcChipTitle *self)
{
  self->text = g_strdup ("");
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (self->label, 1);
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
}

GtkWidget *
rc_chip_title_new (void)
{
  return g_object_new (RC_TYPE_CHIP_TITLE, NULL);
}

void
rc_chip_title_set_text (RcChipTitle *self,
                        const char  *text)
{
  g_return_if_fail (RC_IS_CHIP_TITLE (self));

  if (text == NULL)
    text = "";
  if (strcmp (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->line);
  /* fitted to the width when allocated; whole until then */
  gtk_label_set_text (self->label, text);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
rc_chip_title_get_text (RcChipTitle *self)
{
  g_return_val_if_fail (RC_IS_CHIP_TITLE (self), NULL);
  return self->text;
}

void
rc_chip_title_set_wrap (RcChipTitle *self,
                        gboolean     wrap)
{
  g_return_if_fail (RC_IS_CHIP_TITLE (self));

  if (self->wrap == wrap)
    return;
  self->wrap = wrap;
  /* a fitted text wraps at words and needs no ellipsis of its own */
  gtk_label_set_wrap (self->label, wrap);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD);
  gtk_label_set_ellipsize (self->label, wrap ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

GtkLabel *
rc_chip_title_get_label (RcChipTitle *self)
{
  g_return_val_if_fail (RC_IS_CHIP_TITLE (self), NULL);
  return self->label;
}
