"""What builds the run-time data and the test material, above the stages: the
diacritic language model (language_model, `make train-lm`), what OCR without a
Vietnamese model writes for each syllable (ocr_channel, `make train-channel`), the
law-name list (build_law_names, `make law-names`), renderers of text PDFs and scans
(render), a synthetic archive (synth), browser screenshots of review pages (screenshot).

Installed with the package so that tests, the bench and `make` import it as
`training.…`; nothing that `decrees` runs imports it.
"""
