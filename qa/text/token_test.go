package text

import (
	"fmt"
	"testing"
)

// tokenString shows a Token's text, form and flags for comparing in tests.
func tokenString(text string, t Token) string {
	s := fmt.Sprintf("%s=%s", text[t.Start:t.End], t.Norm)
	for _, f := range []struct {
		on   bool
		name string
	}{{t.Cap, "Cap"}, {t.AllCaps, "AllCaps"}, {t.Number, "Number"}, {t.Possessive, "Possessive"}} {
		if f.on {
			s += " " + f.name
		}
	}
	return s
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Russia’s president", []string{"Russia’s=russia Cap Possessive", "president=president"}},
		// A closing apostrophe is not read: "states'" is "states", not a
		// possessive (the words are the same to the index).
		{"the states' budgets", []string{"the=the", "states=states", "budgets=budgets"}},
		{"Trump's", []string{"Trump's=trump Cap Possessive"}},
		{"don't stop", []string{"don't=don't", "stop=stop"}},
		{"the U.S. Senate", []string{"the=the", "U.S.=us Cap AllCaps", "Senate=senate Cap"}},
		{"in the U.S", []string{"in=in", "the=the", "U.S=us Cap AllCaps"}},
		{"NATO and the EU", []string{"NATO=nato Cap AllCaps", "and=and", "the=the", "EU=eu Cap AllCaps"}},
		{"power-sharing deal", []string{"power=power", "sharing=sharing", "deal=deal"}},
		{"250,000 troops", []string{"250,000=250,000 Number", "troops=troops"}},
		{"on 10/1/2008 at 9:30", []string{"on=on", "10/1/2008=10/1/2008 Number", "at=at", "9:30=9:30 Number"}},
		{"rose 3.5. Then", []string{"rose=rose", "3.5=3.5 Number", "Then=then Cap"}},
		{"the 2nd time", []string{"the=the", "2nd=2nd Number", "time=time"}},
		{"H.R.1424 passed", []string{"H.R.1424=hr1424 Cap AllCaps", "passed=passed"}},
		{"at 10 a.m. sharp", []string{"at=at", "10=10 Number", "a.m.=am", "sharp=sharp"}},
		{"Café ÉCOLE naïve", []string{"Café=café Cap", "ÉCOLE=école Cap AllCaps", "naïve=naïve"}},
		{"٣ apples", []string{"٣=٣ Number", "apples=apples"}},
		// A currency's abbreviation glued to a sum is a word of its own;
		// glued to a code, and other letters glued to digits, it is not.
		{"a R500,000 reward", []string{"a=a", "R=r Cap", "500,000=500,000 Number", "reward=reward"}},
		{"Sh2.5 billion", []string{"Sh=sh Cap", "2.5=2.5 Number", "billion=billion"}},
		{"Sh50 million", []string{"Sh=sh Cap", "50=50 Number", "million=million"}},
		{"R6-million", []string{"R=r Cap", "6=6 Number", "million=million"}},
		{"Rs.3 crore", []string{"Rs=rs Cap", "3=3 Number", "crore=crore"}},
		{"the Audi R8 costs", []string{"the=the", "Audi=audi Cap", "R8=r8 Cap", "costs=costs"}},
		{"R2-D2", []string{"R2=r2 Cap", "D2=d2 Cap"}},
		{"flight MH370", []string{"flight=flight", "MH370=mh370 Cap AllCaps"}},
		{"end.", []string{"end=end"}},
		{"“Quoted,” she said…", []string{"Quoted=quoted Cap", "she=she", "said=said"}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			for _, cache := range []*Cache{nil, NewCache(DefaultLexicon())} {
				var got []string
				for _, tok := range appendTokens(nil, tt.text, cache, DefaultLexicon()) {
					got = append(got, tokenString(tt.text, tok))
				}
				if fmt.Sprint(got) != fmt.Sprint(tt.want) {
					t.Errorf("cache %v:\n got %q\nwant %q", cache != nil, got, tt.want)
				}
			}
		})
	}
}

// FuzzTokenize checks the tokenizer's two fast paths against its general
// ones: a word read as ASCII must come out as the general Unicode reading
// would have it, and a cached word as an uncached one.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"Russia’s U.S. NATO don't 250,000 3.5. H.R.1424 a.m. Café ÉCOLE ٣ states'",
		"“Why?” she asked. ‘No,’ he said — 10/1/2008, 9:30am.",
		"ab'c'' x.'y ..a A.B.C. 1.2.3 1,,2 'tis O'Neill MacDonald",
	} {
		f.Add(s)
	}
	cache := NewCache(DefaultLexicon())
	f.Fuzz(func(t *testing.T, text string) {
		plain := appendTokens(nil, text, nil, DefaultLexicon())
		cached := appendTokens(nil, text, cache, DefaultLexicon())
		if len(plain) != len(cached) {
			t.Fatalf("%d tokens, %d with a cache", len(plain), len(cached))
		}
		end := 0
		for i, tok := range plain {
			if tok.Start < end || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("Token %d spans [%d, %d) after %d in %d bytes", i, tok.Start, tok.End, end, len(text))
			}
			end = tok.End
			if got, want := tokenString(text, cached[i]), tokenString(text, tok); got != want || cached[i].W == nil || cached[i].W.Norm != tok.Norm {
				t.Errorf("Token %d with a cache: %q, want %q", i, got, want)
			}
			var general Token
			general.Start, general.End = tok.Start, tok.End
			general.normUnicode(text[tok.Start:tok.End])
			if got, want := tokenString(text, tok), tokenString(text, general); got != want {
				t.Errorf("Token %d: %q, the general reading %q", i, got, want)
			}
		}
	})
}
