package geo

import "github.com/dyad-events/dyad/internal/geo/gazfile"

// Kinds of place.
const (
	KindCountry = gazfile.KindCountry // a country or dependent territory with an ISO 3166-1 code
	KindAdmin1  = gazfile.KindAdmin1  // a first-level subdivision: state, province, governorate
	KindCity    = gazfile.KindCity    // a populated place
	KindRegion  = gazfile.KindRegion  // a well-known region that is no administrative unit
)

// Place is one entry of the gazetteer.
type Place struct {
	ID         int    // GeoNames geonameid; negative for places GeoNames lacks (ours or ISO-only)
	Name       string // display name, with diacritics: "São Paulo"
	ASCII      string // Name without diacritics: "Sao Paulo"
	Kind       string // KindCountry, KindAdmin1, KindCity or KindRegion
	Country    string // ISO 3166-1 alpha-3; "" for a region that spans countries (Sahel)
	Admin1     string // name of the first-level subdivision the place is in, or is
	Admin1Code string // GeoNames admin1 code, "US.TX"; "" when unknown
	// Subdivision is the ISO 3166-2 code of the first-level subdivision, "US-TX", when known.
	Subdivision string
	Feature     string // GeoNames feature code: PCLI, ADM1, PPLC (capital), PPLA (admin seat), PPL...; RGN for our regions
	Lat, Lon    float64
	Population  int // 0 when unknown, as for subdivisions and regions
	// Approximate says that Lat/Lon are the country's point, for lack of the place's own.
	Approximate bool
}

// Context is what the text around a name says about where it is.
type Context struct {
	// Countries in play, most salient first, as ISO 3166-1 alpha-3 (or alpha-2) codes.
	Countries []string
	// Near is a place already resolved nearby in the text, or nil.
	Near *Place
	// Kind, when set, is the kind of place the text says it is ("the city of Hama": KindCity;
	// "Kursk region": KindAdmin1, which takes regions too); a place of that kind is taken when the
	// name has one, so the city of Hama is not its governorate.
	Kind string
}
