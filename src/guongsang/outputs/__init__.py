"""What the site publishes besides its pages: search, feeds, embeds, open data, images, cards, print."""
