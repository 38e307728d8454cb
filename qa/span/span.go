// Package span is the stage of articlebot's engine that picks, in the
// sentence that answers a question, the few words that answer it: the
// name, place, date, number or phrase shown in bold. The engine proposes
// candidate phrases, each of a Type, and describes each by a Vector of
// features (how far from the words the question and the sentence share,
// whether the question's words are in it, what kind of thing the question
// asks for and what kind of phrase it is); a Model learned from SQuAD's and
// the news sets' short answers scores them, and the best is the answer.
//
// The model is fitted by qa/internal/rankgen with the ranking model, and
// written with its feature names to qa/data/span-model.tsv, which Default
// loads.
package span

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/articlebot/articlebot/qa/data"
)

// An Ask is what kind of short answer a question wants.
type Ask int

const (
	AskPerson Ask = iota // who, whose, which minister
	AskPlace             // where, which city
	AskTime              // when, what year
	AskNumber            // how much, how long, what percentage
	AskCount             // how many: a count, not a sum nor a share
	AskWhich             // which X, what X: something of the kind X
	AskWhat              // what: a thing, a name, a phrase
	AskQuote             // how did X describe, what term: words quoted
	NumAsks
)

var askNames = [NumAsks]string{"person", "place", "time", "number", "count", "which", "what", "quote"}

func (a Ask) String() string { return askNames[a] }

// A Type is what kind of phrase a candidate is.
type Type int

const (
	TypePerson Type = iota // a person the article names
	TypeBody               // an organisation: "Department of Civil Aviation"
	TypePlace              // a place: "Beijing", "in the Maldives"
	TypeTime               // a date or a time: "last Friday", "March 9, 2007"
	TypeCount              // a number and what it counts: "six deals"
	TypeMoney              // a sum: "$110 billion"
	TypeShare              // a percentage: "34 per cent"
	TypeQuoted             // a few words in quotation marks
	TypeName               // another capitalised name: "Restrepo", "Global Times"
	TypePhrase             // a phrase in lower case: "water security"
	NumTypes
)

var typeNames = [NumTypes]string{"person", "body", "place", "time", "count", "money", "share", "quoted", "name", "phrase"}

func (t Type) String() string { return typeNames[t] }

// A Feature is one graded piece of evidence that a phrase answers.
type Feature int

// The features: first the general ones, then one for each pair of what a
// question asks for and the type of the phrase (see Match).
const (
	Own               Feature = iota // share of the phrase's words the question has: its own words do not answer it
	Near                             // 1/(1+d) for the words d between the phrase and the nearest word it shares with the question
	Support                          // share of those words that stand near it, in its clause
	Alone                            // the sentence shares no word with the question but the people it asks about
	AnchorBefore                     // that nearest word comes before the phrase
	Breaks                           // commas and semicolons between the phrase and that word
	Apposition                       // the phrase and a shared word are set off by a comma: "Raila Odinga, prime minister"
	KindNear                         // the noun of "which X" stands within three words of the phrase, or in it
	Words                            // log of the phrase's length in words
	First                            // the phrase opens the sentence
	OfAfter                          // "of" follows the phrase: "hundreds of volunteers"
	InQuote                          // the phrase is inside a quotation
	Capitals                         // share of its words written with a capital
	Counted                          // a number whose next words are the question's: "11 goals" for "how many goals"
	Unit                             // a number with a unit of time, length or weight: "five-year", "45 km"
	Relative                         // a relative clause after the phrase holds a shared word: "Ann Lee, 68, whose flight was cancelled"
	PrepositionBefore                // a preposition comes right before the phrase: "in 1998", "by the council"
	InParentheses                    // the phrase is inside parentheses
	WordsWhat                        // Words, when the question asks "what" and no kind of thing: such answers run longer
	GrainAsked                       // the question asks for a year, a month or a day, and the phrase is one: "2007" for "in what year"
	Joined                           // two phrases of a kind joined by "and" or "or": "Acme and the Northwind Group"
	JoinedPlural                     // and the question asks for things in the plural: "Which firms …"
	AfterStranded                    // a preposition of the question lacks its object, and the phrase is its object in the sentence: "the mayor" of "with the mayor" for "Who did she meet with?"
	SubjectAsked                     // the question asks who or what did something, and the phrase comes right before that verb: "Ann Lee took" for "Who took the corner?"
	NameGiven                        // the question asks what something is called, and a naming word comes right before the phrase: "known as Miura-ori"
	UnitAsked                        // the question asks how long, far, old, big or much, and the phrase is a number in units of that ("twenty minutes" for "how much time"; a sum, by its sign, for "how much"; an age set off after a name for "how old"), or it asks a score or a vote and the phrase is a tally ("34 votes to 29")
	KindHead                         // the phrase ends with the noun of "which X": "High Court" for "Which court"
	BodyAsked                        // the question asks for a body ("Which company", "What agency") and the phrase is a body's or another name
	RaggedEnd                        // the phrase ends on a word in lower case that ends no noun phrase: a verb in the past or of saying, an adverb, a preposition ("Marchmont Bank fell", "the zoo near")
	numGeneral
)

// NumFeatures counts the general features and the pairs.
const NumFeatures = int(numGeneral) + int(NumAsks)*int(NumTypes)

var generalNames = [numGeneral]string{"own", "near", "support", "alone", "anchor_before", "breaks", "apposition",
	"kind_near", "words", "first", "of_after", "in_quote", "capitals", "counted", "unit", "relative",
	"preposition_before", "in_parentheses", "words_what", "grain_asked", "joined", "joined_plural", "after_stranded", "subject_asked", "name_given", "unit_asked", "kind_head", "body_asked", "ragged_end"}

// Match returns the feature of a question that asks a and a phrase of type
// t: on for the pair, off for the others.
func Match(a Ask, t Type) Feature {
	return numGeneral + Feature(int(a)*int(NumTypes)+int(t))
}

// String returns the feature's name, as the model file writes it.
func (f Feature) String() string {
	if f < numGeneral {
		return generalNames[f]
	}
	k := int(f - numGeneral)
	return "ask_" + Ask(k/int(NumTypes)).String() + "_" + Type(k%int(NumTypes)).String()
}

// A Vector is a candidate phrase's features, by Feature.
type Vector [NumFeatures]float64

// A Model scores candidate phrases: the sum over features of
// Weight[f]·(v[f]−Mean[f])/Scale[f]. Read-only once made.
type Model struct {
	Mean, Scale, Weight Vector
}

// Score returns a candidate's score.
func (m *Model) Score(v *Vector) float64 {
	var s float64
	for f := range NumFeatures {
		s += m.Weight[f] * (v[f] - m.Mean[f]) / m.Scale[f]
	}
	return s
}

// Parse reads a model: comment lines start with '#'; every other line is
//
//	span	FEATURE	MEAN	SCALE	WEIGHT
//
// TAB-separated, once for every feature; a name the code does not know is
// an error, so that the model and the code cannot drift apart.
func Parse(r io.Reader) (*Model, error) {
	byName := make(map[string]Feature, NumFeatures)
	for f := range Feature(NumFeatures) {
		byName[f.String()] = f
	}
	m := &Model{}
	var seen [NumFeatures]bool
	err := data.Rows(r, func(fields []string) error {
		f, ok := Feature(0), false
		if len(fields) == 5 && fields[0] == "span" {
			f, ok = byName[fields[1]]
		}
		if !ok || seen[f] {
			return fmt.Errorf("cannot read %q: want span, a feature's name once, its mean, scale and weight", strings.Join(fields, "\t"))
		}
		var nums [3]float64
		for i, s := range fields[2:] {
			x, err := strconv.ParseFloat(s, 64)
			if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
				return fmt.Errorf("%q is not a number", s)
			}
			nums[i] = x
		}
		if nums[1] <= 0 {
			return fmt.Errorf("scale %v, want above 0", nums[1])
		}
		seen[f] = true
		m.Mean[f], m.Scale[f], m.Weight[f] = nums[0], nums[1], nums[2]
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("span model: %w", err)
	}
	for f := range Feature(NumFeatures) {
		if !seen[f] {
			return nil, fmt.Errorf("span model: no weight for feature %q", f)
		}
	}
	return m, nil
}

// Format writes the model as Parse reads it, after the header lines given.
func (m *Model) Format(w io.Writer, header []string) error {
	bw := bufio.NewWriter(w)
	for _, h := range header {
		fmt.Fprintf(bw, "# %s\n", h)
	}
	num := func(x float64) string { return strconv.FormatFloat(x, 'g', 8, 64) }
	for f := range Feature(NumFeatures) {
		fmt.Fprintf(bw, "span\t%s\t%s\t%s\t%s\n", f, num(m.Mean[f]), num(m.Scale[f]), num(m.Weight[f]))
	}
	return bw.Flush()
}

// Default returns the model of qa/data/span-model.tsv, read once, on first
// use.
func Default() *Model { return defaultModel() }

var defaultModel = sync.OnceValue(func() *Model {
	m, err := Parse(strings.NewReader(data.SpanModel))
	if err != nil {
		panic(err) // the embedded model is part of the program: a test catches this
	}
	return m
})
