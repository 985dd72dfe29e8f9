"""Pure normalisers: numbers, text, legacy encodings, labels."""
