"""Tables: every table of a document found once, in one record, classified once.

The recipe (``read.read_tables``): TABLE blocks → their cells, read once (``cells``) → the area
view (``rawtable``: a label column beside value columns, no unit column) or else the
ranking view (``gridblock``: a unit or order column beside figure columns) → one ``Table``
of kind AREA, RANKING or OTHER. The lines, in one pass: at each line, a ranking header
flattened one cell per line (``gridlines``), else an area header or headerless area rows, one
cell or one row per line (``arealines``); the lines a table takes are not searched again.

Pipe tables and OCR grids reach this stage as TABLE blocks (the extractors build them).
The area reader (``parse.scoretable``) takes the AREA tables; the statement reader
(``statements``) takes the RANKING ones and skips the lines of every cell-per-line table.
"""
