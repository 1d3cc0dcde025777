/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-a11y.c - one clean accessible name for every labelled button and
 * expander.
 *
 * GTK 4.8 names a button from its LABEL property, which gtk_button_set_label()
 * sets to the raw text ("_Today"), followed by the label it is labelled by
 * (whose name is the text shown, "Today"): screen readers hear "_Today
 * Today". Without the property the name is the shown text alone.
 * An expander it names after its type, "GtkExpander", whatever its title. */

#include "config.h"

#include "rc-a11y.h"

static void
reset_label (GtkWidget *button)
{
  if (gtk_button_get_label (GTK_BUTTON (button)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* BUTTON, a GtkButton, now and after each new label. */
void
rc_a11y_clean_button (GtkWidget *button)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  reset_label (button);
  if (g_object_get_data (G_OBJECT (button), "rc-a11y-clean") == NULL)
    {
      g_object_set_data (G_OBJECT (button), "rc-a11y-clean", GINT_TO_POINTER (TRUE));
      g_signal_connect (button, "notify::label", G_CALLBACK (reset_label), NULL);
    }
}

/* The title shown, without its mnemonic underscore, is the name. */
static void
name_expander (GtkWidget *expander)
{
  GtkWidget *title = gtk_expander_get_label_widget (GTK_EXPANDER (expander));

  if (GTK_IS_LABEL (title))
    gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_label_get_text (GTK_LABEL (title)), -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* EXPANDER, a GtkExpander, now and after each new title. */
static void
watch_expander (GtkWidget *expander)
{
  name_expander (expander);
  if (g_object_get_data (G_OBJECT (expander), "rc-a11y-clean") == NULL)
    {
      g_object_set_data (G_OBJECT (expander), "rc-a11y-clean", GINT_TO_POINTER (TRUE));
      g_signal_connect (expander, "notify::label", G_CALLBACK (name_expander), NULL);
      g_signal_connect (expander, "notify::label-widget", G_CALLBACK (name_expander), NULL);
    }
}

/* Every GtkButton and GtkExpander under ROOT (ROOT included). */
void
rc_a11y_clean_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    rc_a11y_clean_button (root);
  else if (GTK_IS_EXPANDER (root))
    watch_expander (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rc_a11y_clean_buttons (child);
}
