#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# render-symbolic.py - turn the kind icons (single-colour symbolic SVGs) into
# .symbolic.png files, as Adwaita ships its own: GTK then recolours them
# without loading the SVG loader (librsvg), which costs start-up time and
# memory. A foreground-only symbolic PNG is black with the shape in alpha.
# Run after editing an SVG:  data/icons/render-symbolic.py
import glob
import os

import gi
gi.require_version("GdkPixbuf", "2.0")
from gi.repository import GdkPixbuf  # noqa: E402

here = os.path.dirname(os.path.abspath(__file__))
for svg in sorted(glob.glob(os.path.join(here, "hicolor/symbolic/apps/rc-*-symbolic.svg"))):
    name = os.path.basename(svg)[:-len(".svg")]
    for size in (16, 32):
        pixbuf = GdkPixbuf.Pixbuf.new_from_file_at_size(svg, size, size)
        pixels = bytearray(pixbuf.get_pixels())
        stride, n = pixbuf.get_rowstride(), pixbuf.get_n_channels()
        for y in range(pixbuf.get_height()):
            for x in range(pixbuf.get_width()):
                i = y * stride + x * n
                pixels[i:i + 3] = b"\0\0\0"
        black = GdkPixbuf.Pixbuf.new_from_data(bytes(pixels), GdkPixbuf.Colorspace.RGB, True, 8,
                                               pixbuf.get_width(), pixbuf.get_height(), stride)
        out = os.path.join(here, "symbolic-png", "%dx%d" % (size, size))
        os.makedirs(out, exist_ok=True)
        black.savev(os.path.join(out, name + ".symbolic.png"), "png", [], [])
