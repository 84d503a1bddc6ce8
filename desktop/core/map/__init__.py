"""The venues on a map of metropolitan France: Lambert-93 projection, bundled boundaries."""
