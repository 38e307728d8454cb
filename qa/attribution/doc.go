// Package attribution is the stage of articlebot's engine that reads who
// says what in a news article: it finds the people, bodies and documents
// the article names (entities, with kinds), links each name, description
// ("the Ukrainian president") and pronoun to the entity it refers to
// (mentions), and credits each quotation and each sentence of reported
// speech to its speaker.
//
// It reads clause by clause, without tagging parts of speech: it knows the
// closed classes of English, the nouns that head a speaker's phrase
// (titles, bodies, documents, people), the verbs of saying, and what the
// article capitalises. For each quotation it finds the verb of saying that
// governs it, after it (`," said Obeidi`) or before it (`Trump said, "`,
// `…, adding "`, `with Smith stating: "`), that verb's subject phrase, past
// asides set off by commas and relative clauses, and the entity the head
// of that phrase names; else an introduction ending in a colon, else the
// speaker of the quotation before. A quotation nothing credits is a scare
// quote, and is credited to no one: a wrong speaker is worse than none.
//
// An Analyzer attributes the articles a text.Cache reads, one after
// another on one goroutine.
package attribution
