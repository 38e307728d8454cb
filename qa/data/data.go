// Package data holds what articlebot knows of English and the world beyond
// the articles, as data files embedded in the binary: the gazetteer of
// countries, the irregular verbs, given names and their gender, the English
// word lists of the lexicon and the titles that stand for others, and the
// WordNet tables of related words and of antonyms.
// Each file's header says what it is and where it comes from.
package data

import "embed"

// Files are the tab-separated tables: gazetteer.tsv, irregular.tsv,
// given-names.tsv, title-synonyms.tsv and particle-verbs.tsv.
//
//go:embed gazetteer.tsv irregular.tsv given-names.tsv title-synonyms.tsv particle-verbs.tsv
var Files embed.FS

// Words are the word lists of qa/text's Lexicon, one a file under words/:
// stop words, title nouns, prepositions and the like.
//
//go:embed words
var Words embed.FS

// Related is the WordNet table of related stems, kept as a string so that
// it is searched where it lies in the binary (see qa's related.go).
//
//go:embed related.txt
var Related string

// Antonyms is the WordNet table of opposed stems (small: big, large), in
// the same form as Related.
//
//go:embed antonyms.txt
var Antonyms string

// RankModel is the fitted model of answer ranking (see qa/rank), written by
// qa/internal/rankgen.
//
//go:embed rank-model.tsv
var RankModel string

// SpanModel is the fitted model of the words that answer (see qa/span),
// written by qa/internal/rankgen.
//
//go:embed span-model.tsv
var SpanModel string
