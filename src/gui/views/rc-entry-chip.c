/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-entry-chip.c - one entry on a day: kind icon, title, minutes; a drag source. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-activatable.h"
#include "rc-chip-title.h"
#include "rc-entry-chip.h"

struct _RcEntryChip
{
  GtkWidget   parent_instance;

  RcEntry    *entry;
  GtkImage   *icon;
  RcChipTitle *title;
  GtkLabel   *minutes;
  char       *conflict;       /* why, for the accessible label; NULL when none */
  char       *a11y_label;     /* as set: for tests */
  GtkWidget  *status_button;  /* holds the icon: one click marks done */
  GtkWidget  *text;           /* title over minutes */
};

/* Between the status button and the text. */
#define CHIP_SPACING 4

G_DEFINE_FINAL_TYPE (RcEntryChip, rc_entry_chip, GTK_TYPE_WIDGET)

/* Whether ENTRY is a session before today that was neither done nor
 * skipped (rest days ask for no confirmation). */
gboolean
rc_entry_is_unconfirmed (const RcEntry *entry,
                         RcDay          today)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  return entry->kind != RC_KIND_MASSAGE && entry->kind != RC_KIND_REST &&
         entry->status == RC_STATUS_PLANNED && entry->day < today;
}

gboolean
rc_entry_status_offered (const RcEntry *entry,
                         RcStatus       status,
                         RcDay          today)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  if (entry->kind == RC_KIND_MASSAGE)
    return FALSE;
  return status == RC_STATUS_PLANNED || entry->day <= today;
}

/* What a click on the chip's check would make of its session. */
static RcStatus
check_target (const RcEntry *entry)
{
  return entry->status == RC_STATUS_DONE ? RC_STATUS_PLANNED : RC_STATUS_DONE;
}

/* The description with the session's status, as its accessible label
 * says it: colour and icon are never the only signal. */
static char *
describe_with_status (const RcEntry *entry)
{
  g_autofree char *base = rc_entry_describe (entry);

  if (entry->status == RC_STATUS_DONE)
    /* Translators: a session's accessible label: its description ("Long run, 120 minutes"), then its status */
    return g_strdup_printf (_("%s, done"), base);
  if (entry->status == RC_STATUS_SKIPPED)
    /* Translators: a session's accessible label: its description, then its status */
    return g_strdup_printf (_("%s, skipped"), base);
  if (rc_entry_is_unconfirmed (entry, rc_day_today ()))
    /* Translators: a past session's accessible label: its description, then that it was neither marked done nor skipped */
    return g_strdup_printf (_("%s, not confirmed"), base);
  return g_steal_pointer (&base);
}

char *
rc_entry_describe (const RcEntry *entry)
{
  const char *title;

  g_return_val_if_fail (entry != NULL, NULL);

  title = rc_entry_display_name (entry);
  if (entry->minutes > 0)
    /* Translators: an entry's accessible label: title, minutes */
    return g_strdup_printf (g_dngettext (NULL, "%s, %d minute", "%s, %d minutes",
                                         entry->minutes),
                            title, entry->minutes);
  return g_strdup (title);
}

/* Ctrl held when the drag starts makes it a copy; GTK's own action
 * negotiation is honoured again at the drop. */
static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 RcEntryChip   *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (source));
  gboolean copy = (state & GDK_CONTROL_MASK) != 0;
  g_autofree char *payload = g_strdup_printf ("%s%" G_GINT64_FORMAT,
                                              copy ? RC_DND_COPY_PREFIX : RC_DND_MOVE_PREFIX,
                                              self->entry->id);

  return gdk_content_provider_new_typed (G_TYPE_STRING, payload);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               RcEntryChip   *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_drag_end (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             RcEntryChip   *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             RcEntryChip     *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_activate (GTK_WIDGET (self));
}

/* A click, Enter or Space: the window opens the entry in the day panel. */
static void
rc_entry_chip_real_activate (RcEntryChip *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-entry", "(ux)",
                              self->entry->day, self->entry->id);
}

/* D done, S skipped, P back to planned: one key while the chip has the
 * focus, undoable like every edit. A massage takes no status, a session
 * after today no done or skipped: the key goes on. */
static gboolean
status_key (GtkWidget *widget,
            GVariant  *args,
            gpointer   data)
{
  RcEntryChip *self = RC_ENTRY_CHIP (widget);
  const char *action = g_variant_get_string (args, NULL);
  RcStatus status = RC_STATUS_PLANNED;

  if (g_str_equal (action, "win.mark-done"))
    status = RC_STATUS_DONE;
  else if (g_str_equal (action, "win.mark-skipped"))
    status = RC_STATUS_SKIPPED;
  if (!rc_entry_status_offered (self->entry, status, rc_day_today ()))
    return FALSE;
  gtk_widget_activate_action (widget, action, "x", self->entry->id);
  return TRUE;
}

static gboolean
delete_key (GtkWidget *widget,
            GVariant  *args,
            gpointer   data)
{
  gtk_widget_activate_action (widget, "win.delete-entry", "x", RC_ENTRY_CHIP (widget)->entry->id);
  return TRUE;
}

/* The check on the chip: one click marks a session done, or a done one
 * back to planned. */
static void
on_status_clicked (GtkButton   *button,
                   RcEntryChip *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self),
                              self->entry->status == RC_STATUS_DONE ? "win.mark-planned"
                                                                    : "win.mark-done",
                              "x", self->entry->id);
}

/* The chip's icon is also its button: the kind's icon while planned, a
 * check once done, a skip mark when skipped, a question mark while a past
 * session waits to be confirmed. It asks for no more room than the icon,
 * so the narrowest window still fits seven columns. */
/* Written when asked for, like the chip's own: GTK 4.8 asks the X server
 * where the pointer is on every gtk_widget_set_tooltip_text(), and paging a
 * month relabels some eighty chips (26 ms a month, most of it that). */
static gboolean
on_status_query_tooltip (GtkWidget   *button,
                         int          x,
                         int          y,
                         gboolean     keyboard,
                         GtkTooltip  *tooltip,
                         RcEntryChip *self)
{
  const char *text = rc_entry_chip_get_status_tooltip (self);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The status button's tooltip, or NULL where it offers nothing: a
 * massage (it has no status), a session after today. */
const char *
rc_entry_chip_get_status_tooltip (RcEntryChip *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_CHIP (self), NULL);

  if (self->entry == NULL ||
      !rc_entry_status_offered (self->entry, check_target (self->entry), rc_day_today ()))
    return NULL;
  if (self->entry->status == RC_STATUS_DONE)
    /* Translators: the check on a session's chip, for a done session */
    return _("Mark as Not Done (P)");
  /* Translators: the check on a session's chip */
  return _("Mark as Done (D)");
}

/* The conflict mark says why, when asked (see above). */
static gboolean
on_icon_query_tooltip (GtkWidget   *icon,
                       int          x,
                       int          y,
                       gboolean     keyboard,
                       GtkTooltip  *tooltip,
                       RcEntryChip *self)
{
  if (self->conflict == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->conflict);
  return TRUE;
}

static void
build_status_button (RcEntryChip *self)
{
  self->status_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->status_button), GTK_WIDGET (self->icon));
  gtk_widget_add_css_class (self->status_button, "flat");
  gtk_widget_add_css_class (self->status_button, "chip-status");
  gtk_widget_set_valign (self->status_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->status_button, 2);
  /* the chip itself takes the focus; D marks it done from the keyboard */
  gtk_widget_set_focusable (self->status_button, FALSE);
  g_signal_connect (self->status_button, "clicked", G_CALLBACK (on_status_clicked), self);
  gtk_widget_set_has_tooltip (self->status_button, TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->icon), TRUE);
  g_signal_connect (self->icon, "query-tooltip", G_CALLBACK (on_icon_query_tooltip), self);
  g_signal_connect (self->status_button, "query-tooltip", G_CALLBACK (on_status_query_tooltip), self);
  gtk_widget_set_parent (self->status_button, GTK_WIDGET (self));
}

static void
add_key_bindings (GtkWidgetClass *widget_class)
{
  static const struct {
    guint       keyval;
    const char *action;
  } status_keys[] = {
    { GDK_KEY_d, "win.mark-done" }, { GDK_KEY_D, "win.mark-done" },
    { GDK_KEY_s, "win.mark-skipped" }, { GDK_KEY_S, "win.mark-skipped" },
    { GDK_KEY_p, "win.mark-planned" }, { GDK_KEY_P, "win.mark-planned" },
  };

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_key, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_key, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (status_keys); i++)
    gtk_widget_class_add_binding (widget_class, status_keys[i].keyval, 0, status_key,
                                  "s", status_keys[i].action);
}

/* Built in code, not from a template: a month of chips is created while
 * paging, and GtkBuilder would cost most of the 8 ms budget. */
static void
build_children (RcEntryChip *self)
{
  GtkWidget *text = self->text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  self->icon = GTK_IMAGE (gtk_image_new ());
  gtk_image_set_pixel_size (self->icon, 16);
  build_status_button (self);

  gtk_widget_set_hexpand (text, TRUE);
  self->title = RC_CHIP_TITLE (rc_chip_title_new ());
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->title));
  self->minutes = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->minutes, 0);
  gtk_label_set_ellipsize (self->minutes, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (self->minutes, 1);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->minutes));
  gtk_widget_add_css_class (GTK_WIDGET (self->minutes), "dim-text");
  gtk_widget_add_css_class (GTK_WIDGET (self->minutes), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->minutes), "numeric");
  gtk_widget_set_parent (text, GTK_WIDGET (self));
}

/* The tooltip is written when asked for: chips are relabelled while paging. */
static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  RcEntryChip *self = RC_ENTRY_CHIP (widget);
  g_autofree char *text = describe_with_status (self->entry);

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The chip lays out its two children itself, button then text, the text
 * taking the rest. A GtkBoxLayout asks the text for its width at the
 * chip's height, and GTK 4.8's wrapping title answers that by a search:
 * some sixty Pango layouts a chip, most of the window's first frame. */
static GtkSizeRequestMode
rc_entry_chip_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static int
button_width (RcEntryChip *self,
              int          width)
{
  int min = 0, nat = 0, text_min = 0;

  if (!gtk_widget_should_layout (self->status_button))
    return 0;
  gtk_widget_measure (self->status_button, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  if (width < 0)
    return nat;
  gtk_widget_measure (self->text, GTK_ORIENTATION_HORIZONTAL, -1, &text_min, NULL, NULL, NULL);
  return CLAMP (width - CHIP_SPACING - text_min, min, nat);
}

static void
rc_entry_chip_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  RcEntryChip *self = RC_ENTRY_CHIP (widget);
  gboolean button = gtk_widget_should_layout (self->status_button);
  int button_min = 0, button_nat = 0, text_min = 0, text_nat = 0;

  *minimum_baseline = *natural_baseline = -1;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (button)
        gtk_widget_measure (self->status_button, orientation, -1, &button_min, &button_nat, NULL, NULL);
      gtk_widget_measure (self->text, orientation, -1, &text_min, &text_nat, NULL, NULL);
      *minimum = text_min + (button ? button_min + CHIP_SPACING : 0);
      *natural = text_nat + (button ? button_nat + CHIP_SPACING : 0);
      return;
    }
  if (button)
    gtk_widget_measure (self->status_button, orientation, -1, &button_min, &button_nat, NULL, NULL);
  if (for_size >= 0)
    {
      int bw = button_width (self, for_size);

      for_size = MAX (for_size - (button ? bw + CHIP_SPACING : 0), 0);
    }
  gtk_widget_measure (self->text, orientation, for_size, &text_min, &text_nat, NULL, NULL);
  *minimum = MAX (button_min, text_min);
  *natural = MAX (button_nat, text_nat);
}

static void
rc_entry_chip_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  RcEntryChip *self = RC_ENTRY_CHIP (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int bw = button_width (self, width);
  int text_x = bw > 0 ? bw + CHIP_SPACING : 0;
  int text_width = MAX (width - text_x, 0);

  if (bw > 0)
    gtk_widget_size_allocate (self->status_button,
                              &(GtkAllocation) { rtl ? width - bw : 0, 0, bw, height }, -1);
  gtk_widget_size_allocate (self->text,
                            &(GtkAllocation) { rtl ? 0 : text_x, 0, text_width, height }, -1);
}

static void
rc_entry_chip_dispose (GObject *object)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (rc_entry_chip_parent_class)->dispose (object);
}

static void
rc_entry_chip_finalize (GObject *object)
{
  RcEntryChip *self = RC_ENTRY_CHIP (object);

  g_clear_pointer (&self->entry, rc_entry_free);
  g_clear_pointer (&self->conflict, g_free);
  g_clear_pointer (&self->a11y_label, g_free);
  G_OBJECT_CLASS (rc_entry_chip_parent_class)->finalize (object);
}

static void
rc_entry_chip_class_init (RcEntryChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_entry_chip_dispose;
  object_class->finalize = rc_entry_chip_finalize;

  /* A click, Enter or Space (gtk_widget_activate ()): open the entry. */
  rc_activatable_class_init (widget_class, G_CALLBACK (rc_entry_chip_real_activate));
  add_key_bindings (widget_class);
  widget_class->get_request_mode = rc_entry_chip_get_request_mode;
  widget_class->measure = rc_entry_chip_measure;
  widget_class->size_allocate = rc_entry_chip_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "entrychip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
rc_entry_chip_init (RcEntryChip *self)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  build_children (self);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

}

GtkWidget *
rc_entry_chip_new (const RcEntry *entry,
                   gboolean       compact)
{
  RcEntryChip *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (RC_TYPE_ENTRY_CHIP, NULL);
  if (compact)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
      gtk_widget_set_visible (GTK_WIDGET (self->minutes), FALSE);
    }
  else
    {
      /* "6x800m intervals" in a week column beside the open panel: whole,
       * on two lines, rather than cut; a word wider than the column cut
       * short rather than broken. */
      rc_chip_title_set_wrap (self->title, TRUE);
    }
  rc_entry_chip_set_entry (self, entry);
  return GTK_WIDGET (self);
}

void
rc_entry_chip_set_show_minutes (RcEntryChip *self,
                                gboolean     show)
{
  g_return_if_fail (RC_IS_ENTRY_CHIP (self));
  gtk_widget_set_visible (GTK_WIDGET (self->minutes), show);
}

void
rc_entry_chip_set_show_icon (RcEntryChip *self,
                             gboolean     show)
{
  g_return_if_fail (RC_IS_ENTRY_CHIP (self));
  /* the icon lives in the status button: hide both, or an empty button
   * keeps the room the title needs (done/skip stay on D, S and the menu) */
  gtk_widget_set_visible (self->status_button, show);
}

gint64
rc_entry_chip_get_id (RcEntryChip *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_CHIP (self), 0);
  return self->entry->id;
}

const RcEntry *
rc_entry_chip_get_entry (RcEntryChip *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_CHIP (self), NULL);
  return self->entry;
}

static void
set_text (GtkLabel   *label,
          const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

/* "Post-run massage, 60 minutes", and why the day advises against it. */
static void
update_label (RcEntryChip *self)
{
  g_autofree char *described = describe_with_status (self->entry);
  g_autofree char *label = NULL;

  if (self->conflict != NULL)
    /* Translators: a chip's accessible label: the entry ("Post-run massage,
     * 60 minutes"), then why its day advises against it */
    label = g_strdup_printf (_("%1$s. Conflict: %2$s"), described, self->conflict);
  g_free (self->a11y_label);
  self->a11y_label = label != NULL ? g_steal_pointer (&label) : g_steal_pointer (&described);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->a11y_label, -1);
}

GtkWidget *
rc_entry_chip_get_status_button (RcEntryChip *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_CHIP (self), NULL);
  return self->status_button;
}

/* Done: a check, on a solid chip; skipped: a skip icon, struck through;
 * past and neither: a question mark. Planned from today on: the kind's
 * icon, which marks today's session done when clicked. */
static void
update_status (RcEntryChip *self)
{
  const RcEntry *entry = self->entry;
  RcDay today = rc_day_today ();
  gboolean unconfirmed = rc_entry_is_unconfirmed (entry, today);
  GtkWidget *widget = GTK_WIDGET (self);
  const char *icon = rc_kind_icon_name (entry->kind);
  gboolean offered = rc_entry_status_offered (entry, check_target (entry), today);

  /* A massage has no status, and a session ahead cannot have been done
   * (one click on a chip weeks ahead marked it so, unasked): the icon lets
   * clicks through to the chip, and screen readers hear no such button. */
  gtk_widget_set_can_target (self->status_button, offered);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->status_button),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !offered, -1);
  if (entry->status == RC_STATUS_DONE)
    icon = "object-select-symbolic";
  else if (entry->status == RC_STATUS_SKIPPED)
    icon = "media-skip-forward-symbolic";
  else if (unconfirmed)
    icon = "dialog-question-symbolic";
  /* a massage's conflict mark stands in for its icon */
  if (self->conflict != NULL)
    icon = "dialog-warning-symbolic";
  if (g_strcmp0 (gtk_image_get_icon_name (self->icon), icon) != 0)
    gtk_image_set_from_icon_name (self->icon, icon);
  if (entry->status == RC_STATUS_DONE)
    gtk_widget_add_css_class (widget, "done");
  else
    gtk_widget_remove_css_class (widget, "done");
  if (entry->status == RC_STATUS_SKIPPED)
    gtk_widget_add_css_class (widget, "skipped");
  else
    gtk_widget_remove_css_class (widget, "skipped");
  if (unconfirmed)
    gtk_widget_add_css_class (widget, "unconfirmed");
  else
    gtk_widget_remove_css_class (widget, "unconfirmed");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  entry->status == RC_STATUS_DONE ? _("Mark as not done")
                                                                  : _("Mark as done"),
                                  -1);
}

/* Only what differs is touched: chips are reused while paging. */
void
rc_entry_chip_set_entry (RcEntryChip   *self,
                         const RcEntry *entry)
{
  char minutes[32] = "";
  RcKind old_kind;

  g_return_if_fail (RC_IS_ENTRY_CHIP (self));

  if (self->entry != NULL && rc_entry_equal (self->entry, entry))
    return;
  old_kind = self->entry != NULL ? self->entry->kind : RC_N_KINDS;
  g_clear_pointer (&self->entry, rc_entry_free);
  self->entry = rc_entry_copy (entry);

  if (old_kind != entry->kind)
    {
      if (old_kind < RC_N_KINDS)
        gtk_widget_remove_css_class (GTK_WIDGET (self), rc_kind_to_string (old_kind));
      gtk_widget_add_css_class (GTK_WIDGET (self), rc_kind_to_string (entry->kind));
    }
  rc_chip_title_set_text (self->title, rc_entry_display_name (entry));
  if (entry->minutes > 0)
    /* Translators: minutes of a session on its chip */
    g_snprintf (minutes, sizeof minutes, _("%d min"), entry->minutes);
  set_text (self->minutes, minutes);

  update_status (self);
  update_label (self);
}

/* The conflict mark: while REASON (a sentence, or NULL for none) speaks
 * against the appointment, a warning icon stands in for the kind's (the
 * title still names the massage: a narrow week column has no room for
 * both), and the reason joins the chip's accessible label. */
void
rc_entry_chip_set_conflict (RcEntryChip *self,
                            const char  *reason)
{
  g_return_if_fail (RC_IS_ENTRY_CHIP (self));

  if (g_strcmp0 (self->conflict, reason) == 0)
    return;
  g_free (self->conflict);
  self->conflict = g_strdup (reason);
  if (reason != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "conflict");
      gtk_widget_add_css_class (GTK_WIDGET (self->icon), "conflict-mark");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "conflict");
      gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "conflict-mark");
    }
  update_status (self);
  update_label (self);
}

gboolean
rc_entry_chip_has_conflict (RcEntryChip *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_CHIP (self), FALSE);
  return self->conflict != NULL;
}

const char *
rc_entry_chip_get_label (RcEntryChip *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_CHIP (self), NULL);
  return self->a11y_label;
}

const char *
rc_entry_chip_get_title (RcEntryChip *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_CHIP (self), NULL);
  return rc_chip_title_get_text (self->title);
}
