"""Export: PDF files of an issue, written safely, with progress reports."""
