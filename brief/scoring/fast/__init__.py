"""Vectorised versions of sumy's summarizers: sumy's ratings, at a small fraction of its time.

``prep.prepare(corpus)`` builds, once per corpus, the token stream and the sparse sentence x term
matrices every scorer shares; each scorer takes that record and returns one rating per sentence,
in corpus order, equal (within floating-point tolerance) to what ``sumy_adapter.rate`` reads from
sumy's own class on the same sentences. Where sumy's implementation has a known defect, a
corrected variant sits next to the sumy-compatible one (``lexrank_converged``, ``lsa_topics``).

    prep.py       Corpus -> Prepared (token ids, stems, stop flags, count matrices)
    graphs.py     LexRank, TextRank, Reduction: similarity graphs without an n x n matrix
    greedy.py     KL-Sum, SumBasic: greedy picks with incremental updates
    lexical.py    Luhn, Edmundson, LSA, Random: per-token arithmetic
"""
