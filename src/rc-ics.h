/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-ics.h - the plan as an RFC 5545 calendar, and plans from other calendars. */

#pragma once

#include "rc-store.h"

G_BEGIN_DECLS

#define RC_ICS_ERROR (rc_ics_error_quark ())
typedef enum {
  RC_ICS_ERROR_READ,      /* the file cannot be read */
  RC_ICS_ERROR_PARSE,     /* not an iCalendar file, or broken */
  RC_ICS_ERROR_TOO_LARGE,
  RC_ICS_ERROR_WRITE,
} RcIcsError;
GQuark rc_ics_error_quark (void);

typedef struct {
  guint  added;
  guint  updated;
  guint  skipped;
  GPtrArray *skip_reasons;   /* char*, one per skipped event, translated */
} RcIcsImportResult;

void       rc_ics_import_result_clear (RcIcsImportResult *result);

/* Export entries FIRST..LAST (RC_DAY_INVALID: every entry) to PATH,
 * atomically. WINDOWS adds each ideal massage day as a transparent event. */
gboolean   rc_ics_export_file     (RcStore     *store,
                                   const char  *path,
                                   RcDay        first,
                                   RcDay        last,
                                   gboolean     windows,
                                   GError     **error);

/* Import every event of PATH into STORE in one transaction. */
gboolean   rc_ics_import_file     (RcStore            *store,
                                   const char         *path,
                                   RcIcsImportResult  *result,
                                   GError            **error);

G_END_DECLS
