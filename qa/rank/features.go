package rank

// A Feature is one graded piece of evidence that a candidate sentence
// answers a question. Each is a number, most between 0 and 1; the model
// weighs them, and Explain shows what each contributed.
type Feature int

const (
	BM25              Feature = iota // the sentence's BM25 score over the best candidate's
	BM25Rank                         // 1/(1+r) for the sentence's place r among the candidates by BM25
	Coverage                         // share of the question's weight (IDF) the sentence matches, by any form of its words
	Exact                            // share matched by the question's own words, not a related word or an alias
	Paragraph                        // BM25 of the sentence's paragraph over the best paragraph's
	ParagraphCoverage                // share of the question's weight the paragraph matches
	Neighbours                       // BM25 of the sentences before and after it, over the best candidate's
	Bigrams                          // share of the question's pairs of words the sentence has in order
	Density                          // question words matched over the span of the sentence that holds them
	Length                           // log of the sentence's length in words
	First                            // the first sentence of its paragraph
	Headline                         // the article's headline
	AnswerTime                       // a "when" question, and the sentence has a time the question does not
	AnswerNumber                     // a "how many" question, and the sentence has a number the question does not
	AnswerPerson                     // a "who" question, and the sentence names a person the question does not
	AnswerPlace                      // a "where" question, and the sentence names a place the question does not
	AnswerNear                       // the thing of the kind asked for stands within a few words of a question word
	AnswerFuture                     // a "when will" question, and the sentence speaks of a time to come
	AnswerTypeNoun                   // a "which X" question, and the sentence has X or what stands for it
	AnswerMeasured                   // a "how many X" question and a count of X, or "how long", "how much" … and a number in units of it
	AnswerTerm                       // a "what term" question, and the sentence quotes a term of a few words
	AnswerNames                      // a "the names of the X" question, and a name stands by X
	AnswerLeads                      // a "who runs X" question, and the sentence names a person and has a word for leading the question lacks: "its chief executive, Ann Lee"
	SpeakerMatch                     // a question about what someone said, and the sentence is credited to them
	Credited                         // a "who said" question, and the sentence is credited to someone
	PersonNamed                      // the sentence refers to a person the question names
	Defines                          // the sentence says who a person the question names is: "Hassan Omar, vice chairman of …"
	DefinesAsked                     // and the question asks who they are or what they do
	Quoted                           // the sentence is part of a quotation
	Novel                            // share of the sentence's words the question does not have
	QuotedAsked                      // a question about what someone said, and the sentence is part of a quotation (whoever's: SpeakerMatch says whose)
	NumFeatures
)

var featureNames = [NumFeatures]string{
	"bm25", "bm25_rank", "coverage", "exact", "paragraph", "paragraph_coverage", "neighbours",
	"bigrams", "density", "length", "first", "headline", "answer_time", "answer_number",
	"answer_person", "answer_place", "answer_near", "answer_future", "answer_type_noun",
	"answer_measured", "answer_term", "answer_names", "answer_leads", "speaker_match", "credited", "person_named", "defines", "defines_asked", "quoted",
	"novel", "quoted_asked",
}

// String returns the feature's name, as the model file and explanations
// write it.
func (f Feature) String() string { return featureNames[f] }

// A Vector is a candidate's features, by Feature.
type Vector [NumFeatures]float64

// A Signal is one graded piece of evidence, about a question as a whole,
// that its best candidate answers it.
type Signal int

const (
	TopProbability       Signal = iota // the ranker's probability for the best candidate
	TopScore                           // its score: how well it matches, not only how much better than the rest
	TopCoverage                        // the best candidate's Coverage
	TopExact                           // the best candidate's Exact
	TopAnswerType                      // the best candidate holds the kind of thing asked for (or nothing is asked)
	TopAnswerNear                      // and near a question word
	Margin                             // the best candidate's score less the second's
	MissingWeight                      // share of the question's weight on words no sentence has
	MissingWords                       // words of the question no article searched has (the one it is kept to, if any)
	KindAsked                          // the question asks for a time, number, person or place
	SpeakerMissing                     // the question asks what someone said, and the best candidate is not credited to them
	SpeakerSilent                      // the question asks what someone said who says nothing: the share of the article's sentences others are credited with
	TopMissingMost                     // the weight of the heaviest question word the best candidate lacks, over the heaviest's
	ParagraphMissingMost               // the same for the best candidate's paragraph
	NamesMissing                       // names and numbers of the question the best candidate's paragraph lacks
	RolesMissing                       // role words of the question ("the governor") that no article uses and no one holds
	NegationMissing                    // the question says "not" or "never", and the best candidate does not
	NarrowAsked                        // the question asks for a thing narrower than its kind: a count of X, a time to come, a term, names
	TopNarrow                          // the best candidate holds it (or nothing narrow is asked)
	AnyNarrow                          // some candidate holds it (or nothing narrow is asked)
	NamedSilent                        // the question asks for the words of people it names by name, and the best answer's article credits them with none
	Antonym                            // the best candidate lacks a question word and holds a word WordNet opposes to it: "small" for "the largest"
	NumSignals
)

var signalNames = [NumSignals]string{
	"top_probability", "top_score", "top_coverage", "top_exact", "top_answer_type", "top_answer_near", "margin",
	"missing_weight", "missing_words", "kind_asked", "speaker_missing", "speaker_silent", "top_missing_most",
	"paragraph_missing_most", "names_missing", "roles_missing", "negation_missing", "narrow_asked", "top_narrow", "any_narrow",
	"named_silent", "antonym",
}

// String returns the signal's name, as the model file writes it.
func (s Signal) String() string { return signalNames[s] }

// Signals are a question's signals, by Signal.
type Signals [NumSignals]float64
