package perceptron

// addRowsGo is the portable form of addRows.
func addRowsGo(acc []int32, base []int16, offs []uint32, blocks int) {
	w := blocks * 8
	acc = acc[:w]
	for _, o := range offs {
		row := base[o : int(o)+w]
		for j, v := range row {
			acc[j] += int32(v)
		}
	}
}
