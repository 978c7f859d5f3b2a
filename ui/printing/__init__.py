"""Printing: printer profiles per station, raw ZPL to queues or port 9100, PDFs through Qt."""
