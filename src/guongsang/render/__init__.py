"""Rendering: the templates' environment, the page frame, content-security policy, the render cache."""
