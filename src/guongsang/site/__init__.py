"""The derived site: taxonomies, URLs (computed only here), pagination, progress, contest views, columns."""
