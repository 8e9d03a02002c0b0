module github.com/dyad-events/dyad/bench

go 1.26

require github.com/dyad-events/dyad v0.0.0

replace github.com/dyad-events/dyad => ../
