"""What builds the run-time data and the test material, above the stages: the law-name
list (build_law_names), renderers of text PDFs and scans (render), a synthetic archive
(synth), browser screenshots of review pages (screenshot).

Installed with the package so that tests, the bench and `make` targets import it as
`training.…`; nothing that `decrees` runs imports it.
"""
