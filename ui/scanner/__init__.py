"""Scan input for the intake bench: keyboard-wedge, serial-port and webcam scanners.

Each source emits ``scanned(str)`` with the raw text; :func:`core.rules.barcodes.parse_scan` says
what it means. Modules are imported on demand so that a station without QtMultimedia's system
libraries still gets keyboard and serial scanning.
"""
