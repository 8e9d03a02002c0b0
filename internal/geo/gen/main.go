package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/dyad-events/dyad/internal/geo/gazfile"
)

const (
	geonamesPackage = "libtimezonemap-data"
	isoPackage      = "iso-codes"
)

func main() {
	verbose := flag.Bool("v", false, "log each loose subdivision link, for review")
	geonames := flag.String("geonames", "", "folder holding cities15000.txt, admin1Codes.txt and countryInfo.txt (default: fetch "+geonamesPackage+")")
	isoRoot := flag.String("isocodes", "", "root under which usr/share/iso-codes/json lies (default: / when installed, else fetch "+isoPackage+")")
	regions := flag.String("regions", "internal/geo/data/regions.tsv", "hand-kept regions file")
	out := flag.String("out", "internal/geo/data/places.tsv.gz", "output table")
	flag.Parse()
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, log, *geonames, *isoRoot, *regions, *out); err != nil {
		log.Error("gen failed", "err", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, log *slog.Logger, geonamesDir, isoRoot, regionsPath, outPath string) error {
	tmp, err := os.MkdirTemp("", "dyad-geo-gen-")
	if err != nil {
		return fmt.Errorf("temp folder: %w", err)
	}
	defer os.RemoveAll(tmp)

	var header []string
	geoVersion := "unpacked copy"
	if geonamesDir == "" {
		root, version, err := fetchPackage(ctx, geonamesPackage, tmp)
		if err != nil {
			return err
		}
		geoVersion = version
		// Find the files rather than trust one path: packagers move them between releases.
		if geonamesDir, err = findDir(root, "cities15000.txt"); err != nil {
			return err
		}
		log.Info("fetched", "package", geonamesPackage, "version", version, "geonames", geonamesDir)
	}
	isoVersion := "unpacked copy"
	if isoRoot == "" {
		if _, err := os.Stat("/usr/share/iso-codes/json/iso_3166-2.json"); err == nil {
			isoRoot = "/"
			isoVersion = installedVersion(ctx, isoPackage)
		} else {
			root, version, err := fetchPackage(ctx, isoPackage, tmp)
			if err != nil {
				return err
			}
			isoRoot, isoVersion = root, version
		}
	}
	header = append(header,
		fmt.Sprintf("source: GeoNames cities15000, admin1Codes, countryInfo (CC BY 4.0) from Debian %s %s", geonamesPackage, geoVersion),
		fmt.Sprintf("source: ISO 3166-1 and 3166-2 from Debian %s %s (LGPL-2.1+)", isoPackage, isoVersion),
		"source: internal/geo/data/regions.tsv (dyad, hand-kept)",
		"columns: id kind country country2 admin1code subdivision admin1 feature lat lon population rank flags name ascii preferred alternates",
	)

	in, err := readInputs(geonamesDir, isoRoot, regionsPath)
	if err != nil {
		return err
	}
	recs, sum, err := build(in, log)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := gazfile.Write(&buf, header, recs); err != nil {
		return err
	}
	if err := os.WriteFile(outPath, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	log.Info("wrote table", "path", outPath, "bytes", buf.Len(), "countries", sum.Countries,
		"admin1", sum.Admin1, "admin1_approximate", sum.Admin1Approx, "cities", sum.Cities,
		"regions", sum.Regions, "keys", sum.Names, "aliases", sum.Aliases,
		"iso_by_name", sum.ISOLinked[0], "iso_by_code", sum.ISOLinked[1], "iso_by_prefix", sum.ISOLinked[2],
		"iso_by_spelling", sum.ISOLinked[3], "iso_by_seat", sum.ISOLinked[4], "iso_by_hand", sum.ISOLinked[5], "iso_only", sum.ISOOnly)
	return nil
}

func readInputs(geonamesDir, isoRoot, regionsPath string) (*inputs, error) {
	in := &inputs{}
	var err error
	if in.cities, err = readFile(filepath.Join(geonamesDir, "cities15000.txt"), readCities); err != nil {
		return nil, err
	}
	if in.admin1, err = readFile(filepath.Join(geonamesDir, "admin1Codes.txt"), readAdmin1); err != nil {
		return nil, err
	}
	if in.countries, err = readFile(filepath.Join(geonamesDir, "countryInfo.txt"), readCountryInfo); err != nil {
		return nil, err
	}
	jsonDir := filepath.Join(isoRoot, "usr/share/iso-codes/json")
	if in.iso1, err = readFile(filepath.Join(jsonDir, "iso_3166-1.json"), readISO3166_1); err != nil {
		return nil, err
	}
	if in.iso2, err = readFile(filepath.Join(jsonDir, "iso_3166-2.json"), readISO3166_2); err != nil {
		return nil, err
	}
	mo, err := os.ReadFile(filepath.Join(isoRoot, "usr/share/locale/en/LC_MESSAGES/iso_3166-2.mo"))
	if err != nil {
		return nil, fmt.Errorf("English subdivision names: %w", err)
	}
	if in.iso2en, err = readMO(mo); err != nil {
		return nil, err
	}
	if in.regions, err = readFile(regionsPath, gazfile.ReadRegions); err != nil {
		return nil, err
	}
	return in, nil
}

func readFile[T any](path string, parse func(io.Reader) (T, error)) (T, error) {
	f, err := os.Open(path)
	if err != nil {
		var zero T
		return zero, fmt.Errorf("open source: %w", err)
	}
	defer f.Close()
	v, err := parse(f)
	if err != nil {
		return v, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// fetchPackage downloads a Debian package into dir and unpacks it there, without installing.
// It returns the unpacked root and the package version.
func fetchPackage(ctx context.Context, pkg, dir string) (root, version string, err error) {
	work := filepath.Join(dir, pkg)
	if err := os.MkdirAll(work, 0o755); err != nil {
		return "", "", fmt.Errorf("fetch %s: %w", pkg, err)
	}
	if err := command(ctx, work, "apt-get", "download", pkg); err != nil {
		return "", "", fmt.Errorf("fetch %s (is apt-get there and its lists updated? try apt-get update): %w", pkg, err)
	}
	debs, err := filepath.Glob(filepath.Join(work, "*.deb"))
	if err != nil || len(debs) != 1 {
		return "", "", fmt.Errorf("fetch %s: want one .deb, found %d", pkg, len(debs))
	}
	root = filepath.Join(work, "root")
	if err := command(ctx, work, "dpkg-deb", "-x", debs[0], root); err != nil {
		return "", "", fmt.Errorf("unpack %s: %w", pkg, err)
	}
	v, err := exec.CommandContext(ctx, "dpkg-deb", "-f", debs[0], "Version").Output()
	if err != nil {
		return "", "", fmt.Errorf("version of %s: %w", pkg, err)
	}
	return root, strings.TrimSpace(string(v)), nil
}

func installedVersion(ctx context.Context, pkg string) string {
	v, err := exec.CommandContext(ctx, "dpkg-query", "-W", "-f=${Version}", pkg).Output()
	if err != nil {
		return "installed"
	}
	return strings.TrimSpace(string(v))
}

func command(ctx context.Context, dir, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w: %s", name, err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

// findDir returns the folder under root that holds a file of the given name.
func findDir(root, file string) (string, error) {
	var found string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() == file {
			found = filepath.Dir(path)
			return fs.SkipAll
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("look for %s: %w", file, err)
	}
	if found == "" {
		return "", errors.New("no " + file + " in the package")
	}
	return found, nil
}
