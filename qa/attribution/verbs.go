package attribution

import (
	"strings"

	"github.com/articlebot/articlebot/qa/text"
)

// A verbKind is what a word is as a verb of saying.
type verbKind int8

const (
	verbUnknown verbKind = iota // not looked up yet
	notSpeech
	speechVerb   // say, tell, add, warn … (Lexicon.SpeechVerbs)
	particleVerb // says only with its particle: "point" in "pointed out" (Lexicon.ParticleVerb)
	quoteVerb    // Lexicon.QuoteVerbs: only before a quotation
	documentVerb // Lexicon.DocumentVerbs: only before a quotation, for a document
)

// quoteReach is how many words a quoteVerb's object may take before the
// quotation: "called the results in those groups “encouraging”";
// asReach how many it may take with "as" before the quotation.
const (
	quoteReach = 8
	asReach    = 24
)

// verbKind says what a token's word is as a verb of saying, worked out
// once a word: attribution asks it of every word of every sentence.
func (a *article) verbKind(t text.Token) verbKind {
	an := a.an
	if k := an.verb[t.W.ID]; k != verbUnknown {
		return k
	}
	k := notSpeech
	if t.Is(text.KindStop) {
		an.verb[t.W.ID] = k // no verb of saying is a stop word: no stem needed
		return k
	}
	switch st := an.cache.Stem(t.W); {
	case a.lx.IsQuoteVerb(st):
		k = quoteVerb
	case a.lx.IsDocumentVerb(st):
		k = documentVerb
	case a.lx.IsSpeech(st):
		k = speechVerb
	case a.lx.ParticleVerb(st):
		k = particleVerb
	}
	an.verb[t.W.ID] = k
	return k
}

// speechAt reports whether token v, outside quotations, is a verb of
// saying where it stands.
func (p *para) speechAt(v int) bool {
	t := p.Toks[v]
	if t.Quoted || t.Cap && !t.Initial || t.Number || adverb(p.a.lx, t) {
		return false // "reportedly" stems as "report" does
	}
	kind := p.a.verbKind(t) // known of most words at once, by word ID
	if kind == notSpeech {
		return false
	}
	if v > 0 && p.inWord(v) && (opensNoun(p.a.lx, p.Toks[v-1]) || p.Toks[v-1].Possessive) {
		return false // a noun: "the report", "his call", "the group's brands"
	}
	if p.passive(v) && kind != quoteVerb && kind != documentVerb {
		return false // "had been denied visas", "it is reported that": no one speaks
	}
	if strings.HasSuffix(t.Norm, "s") && v > 0 && p.inWord(v) && p.bareNoun(v-1) {
		return false // "member states saw": a plural noun after a noun, no verb
	}
	switch kind {
	case speechVerb:
		// "added to the evidence" adds to something, and says nothing.
		return !(v+1 < len(p.Toks) && p.Toks[v+1].Norm == "to" && p.a.lx.AddForms.Has(t.Norm))
	case particleVerb:
		return p.saysWithParticle(v)
	case quoteVerb, documentVerb:
		if p.saysWithParticle(v) {
			return true // "called for a ceasefire"
		}
		// The quotation follows within a few words, or after "as" within a
		// clause: "described an offer to phase in access for Canadian wheat
		// and canola as “serious but not yet sufficient”".
		for k := v + 1; k < len(p.Toks) && k <= v+asReach; k++ {
			if strings.ContainsAny(p.Gap(k), ".;") {
				return false
			}
			if p.Toks[k].Quoted {
				return k <= v+quoteReach || p.Toks[k-1].Norm == "as"
			}
		}
	}
	return false
}

// saysWithParticle reports whether the verb at token v is a verb of saying
// by the particle after it (Lexicon.SaysWithParticle): "pointed out that",
// "called for a ceasefire", but not "called the attempt …".
func (p *para) saysWithParticle(v int) bool {
	if v+1 >= len(p.Toks) || !p.inWord(v+1) {
		return false
	}
	return p.a.lx.SaysWithParticle(p.a.an.cache.Stem(p.Toks[v].W), p.Toks[v+1].Norm)
}

// participle reports whether a verb is in its -ing form, and so has no
// subject of its own: "…, adding", "by saying", "with Smith stating".
func participle(t text.Token) bool { return len(t.Norm) > 4 && strings.HasSuffix(t.Norm, "ing") }

// opensNoun reports whether a word is a determiner that only a noun
// follows: "the", "his"; not "that", which also opens a clause.
func opensNoun(lx *text.Lexicon, t text.Token) bool {
	return t.Norm != "that" && (lx.Determiners.Has(t.Norm) || lx.PossessiveDeterminers.Has(t.Norm))
}

// passive reports whether the verb at v is a participle after a form of
// "be": "was told", "had been denied", "is reported".
func (p *para) passive(v int) bool {
	if v == 0 || !p.inWord(v) || !pastParticiple(p.a.lx, p.Toks[v]) {
		return false
	}
	return text.IsBe(p.Toks[v-1].Norm)
}

// bareNoun reports whether token k is a lower-case noun with nothing of
// its phrase before it, which cannot be the subject of a verb that ends
// in -s: "member" in "that member states saw".
func (p *para) bareNoun(k int) bool {
	t := p.Toks[k]
	if t.Cap || closedClass(p.a.lx, t) || adverb(p.a.lx, t) || !p.nounLike(k) {
		return false
	}
	return k == 0 || !p.inWord(k) || closedClass(p.a.lx, p.Toks[k-1]) && !opensNoun(p.a.lx, p.Toks[k-1])
}
