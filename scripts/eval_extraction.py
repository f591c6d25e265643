"""Cross-validated extraction figures (the same as `clusternet evaluate extraction`): k folds
over the documents of ../shared/corpus/dev, the held-out folds scored by the shared scorer;
also the seeds and the project's own documents.

    python scripts/eval_extraction.py [--k 4] [--quick] [--rules-only] [--out docs/extraction.json]
"""
import sys

from clusternet.cli.main import main

if __name__ == "__main__":
    sys.argv = [sys.argv[0], "evaluate", "extraction", *sys.argv[1:]]
    main()
