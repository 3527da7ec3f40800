"""The MkDocs adapter: the plugin, the build and the live preview — the only modules that import MkDocs."""
