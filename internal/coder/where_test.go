package coder

import (
	"strings"
	"testing"
)

// TestPlaces checks how an event is placed: the kind of place the text says ("the city of", "region"),
// towns the gazetteer lacks, qualifiers, "the capital", country adjectives and shared places in a sentence.
func TestPlaces(t *testing.T) {
	c := standardCoder(t)
	tests := []struct {
		name, text string
		verb       string // the event to look at, by its verb
		country    string
		place      string // location name, "" to check the country only
		precision  string
		approx     bool
	}{
		{"city of", "Rebels seized the Syrian city of Idlib on Friday.", "seized", "SYR", "Idlib", "city", false},
		{"possessive region", "Ukrainian troops attacked villages in Russia's Belgorod region on Monday.", "attacked", "RUS", "Belgorod", "admin1", false},
		{"unlisted village", "Gunmen killed nine farmers in the village of Kwarabe in northern Nigeria on Sunday.", "killed", "NGA", "Kwarabe", "city", true},
		{"unlisted town, qualifier", "Police arrested two men in Millbrook, Alabama, on Friday.", "arrested", "USA", "Millbrook", "city", true},
		{"unlisted town in country", "Soldiers attacked militants in Dorbo in eastern Chad on Sunday.", "attacked", "TCD", "Dorbo", "city", true},
		{"qualified name", "Armenia's president met the Spanish king in Granada, Spain, on Thursday.", "met", "ESP", "Granada", "city", false},
		{"adjective country", "Chinese and Indonesian ministers met on the Indonesian island of Bali on Friday.", "met", "IDN", "Bali", "admin1", false},
		{"named capital", "The Sudanese foreign minister flew to the Ethiopian capital on Friday for talks.", "flew", "ETH", "Addis Ababa", "city", false},
		{"bare capital", "Georgian police detained opposition leaders in the capital on Sunday.", "detained", "GEO", "Tbilisi", "city", false},
		{"of before possessive", "Protesters blocked roads in Khartoum's twin city of Omdurman on Monday.", "blocked", "SDN", "Omdurman", "city", false},
		{"generic word is no name", "Israeli jets bombed Hezbollah positions in the Bekaa Valley on Tuesday.", "bombed", "LBN", "Bekaa Valley", "admin1", false},
		{"town object in region", "Ethiopian troops captured the Ethiopian town of Kwadwo in the Amhara region on Sunday.", "captured", "ETH", "Kwadwo", "city", true},
		{"part of a city", "Iraqi police arrested 12 protesters in the Karrada district of Baghdad on Friday.", "arrested", "IRQ", "Baghdad", "city", false},
		{"town of a state", "Police arrested a gunman in the small Texas town of Kermit on Friday.", "arrested", "USA", "Kermit", "city", true},
		{"person is no place", "Bolivian police fired on supporters of Evo Morales near the city of Cochabamba on Friday.", "fired", "BOL", "Cochabamba", "city", false},
		{"body is no place", "Kenya's president met Japan's prime minister on the sidelines of the U.N. General Assembly in New York on Tuesday.", "met", "USA", "New York City", "city", false},
		{"lower case is no name", "Georgian riot police detained dozens of students at a march in Tbilisi on Saturday.", "detained", "GEO", "Tbilisi", "city", false},
		{"region city of", "Israeli soldiers raided homes in the West Bank city of Jenin on Tuesday.", "raided", "PSE", "Jenin", "city", false},
		{"people are no town", "Myanmar's army carried out mass killings of Kachin Christians in Kachin state, a U.N. envoy said on Monday.", "carried", "MMR", "Kachin", "admin1", false},
		{"town of the region", "Ukrainian forces shelled a ferry crossing used by Russian soldiers near Nova Kakhovka in the Kherson region on Monday.", "shelled", "UKR", "Nova Kakhovka", "city", false},
		{"country noun over a namesake", "Gunmen killed 132 villagers in the Burkinabe village of Solhan on Friday, the government said.", "killed", "BFA", "Solhan", "city", true},
		{"where pressure comes from", "Under pressure from Washington, Egypt's government released 40 activists on Tuesday.", "released", "EGY", "", "country", false},
		{"town of an office within the region", "The mayor of Celaya, in Mexico's Guanajuato state, was shot dead by gunmen on Friday.", "shot", "MEX", "Celaya", "city", false},
		{"hyphenated unlisted name", "Soldiers clashed with rebels near the village of Bir-Ghazal in eastern Chad on Sunday.", "clashed", "TCD", "Bir-Ghazal", "city", true},
		{"shared in sentence", "Islamic State fighters took the Syrian town of Palmyra on Wednesday after government troops abandoned their positions.", "abandoned", "SYR", "Palmyra", "city", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := codeText(t, c, tt.text, "2024-03-13")
			for _, e := range evs {
				if e.Verb.Text != tt.verb {
					continue
				}
				l := e.Location
				if l == nil {
					t.Fatalf("%q: no location", tt.text)
				}
				if l.Country != tt.country || tt.place != "" && !strings.EqualFold(l.Name, tt.place) ||
					l.Precision != tt.precision || l.Approximate != tt.approx {
					t.Errorf("%q: location %+v, want %s %q %s approximate=%v", tt.text, *l, tt.country, tt.place, tt.precision, tt.approx)
				}
				return
			}
			var got []string
			for _, e := range evs {
				got = append(got, e.Verb.Text)
			}
			t.Fatalf("%q: no event on %q (events on %v)", tt.text, tt.verb, got)
		})
	}
}

// TestSymmetricPlace checks that both directions of a symmetric event are placed alike: an unlisted village
// lies in the country of the party named first, whichever is the source.
func TestSymmetricPlace(t *testing.T) {
	c := standardCoder(t)
	tests := []struct {
		name, text, country, place string
		events                     int
	}{
		{"clash between two sides", "Clashes broke out between Uzbek and Tajik border guards near the village of Sary-Bulak on Tuesday.", "UZB", "Sary-Bulak", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := codeText(t, c, tt.text, "2024-03-13")
			if len(evs) != tt.events {
				t.Fatalf("%q: %d events, want %d", tt.text, len(evs), tt.events)
			}
			for _, e := range evs {
				if l := e.Location; l == nil || l.Country != tt.country || l.Name != tt.place {
					t.Errorf("%q: %s %s placed at %+v, want %s %s", tt.text, e.Source.Code, codeOrEmpty(e.Target), l, tt.country, tt.place)
				}
			}
		})
	}
}
