"""« Bilan annuel »: the year's figures for funders, as a PDF (reportlab)."""
