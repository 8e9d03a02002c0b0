#include "textflag.h"

// func addRowsAVX2(acc *int32, tail *int32, base *int8, offs *uint32, n int, blocks int, init bool)
// For each of the n > 0 rows at base[(offs[i]>>9)*16:], adds blocks×8 int8 weights times the row's scale
// offs[i]&511 into acc, or with init, sets acc to their sum. A row holds pairs of blocks, interleaved: the
// first block's weights at even bytes, the second's at odd ones, so that VPMADDWD against (scale, 0)
// and (0, scale) gives each block's products as int32. If tail is not nil, the last block is read from and
// written to tail instead of acc. Up to 12 blocks of sums stay in registers while every row is added, so
// they never go through memory; wider rows are done 12 blocks at a time. The rows a few ahead are
// prefetched as the kernel goes.
TEXT ·addRowsAVX2(SB), NOSPLIT, $0-49
	MOVQ acc+0(FP), DI
	MOVQ base+16(FP), SI
	MOVQ offs+24(FP), R8
	MOVQ n+32(FP), CX
	MOVQ blocks+40(FP), R12
	TESTQ CX, CX
	JZ   done
	TESTQ R12, R12
	JZ   done
	XORQ R13, R13 // byte offset of the current column chunk within a row

chunk:
	MOVQ R12, DX // blocks in this chunk: min(remaining, 12)
	CMPQ DX, $12
	JLE  sized
	MOVQ $12, DX

sized:
	MOVBQZX init+48(FP), BX
	TESTQ BX, BX
	JZ   load
	VPXOR Y4, Y4, Y4
	VPXOR Y5, Y5, Y5
	VPXOR Y6, Y6, Y6
	VPXOR Y7, Y7, Y7
	VPXOR Y8, Y8, Y8
	VPXOR Y9, Y9, Y9
	VPXOR Y10, Y10, Y10
	VPXOR Y11, Y11, Y11
	VPXOR Y12, Y12, Y12
	VPXOR Y13, Y13, Y13
	VPXOR Y14, Y14, Y14
	VPXOR Y15, Y15, Y15
	JMP  loaded

load:
	MOVQ DX, R9 // blocks read from acc: all but a last one that comes from tail
	CMPQ R12, $12
	JGT  loadacc
	MOVQ tail+8(FP), BX
	TESTQ BX, BX
	JZ   loadacc
	DECQ R9

loadacc:
	CMPQ R9, $1
	JLT  loadtail
	VMOVDQU 0(DI), Y4
	CMPQ R9, $2
	JLT  loadtail
	VMOVDQU 32(DI), Y5
	CMPQ R9, $3
	JLT  loadtail
	VMOVDQU 64(DI), Y6
	CMPQ R9, $4
	JLT  loadtail
	VMOVDQU 96(DI), Y7
	CMPQ R9, $5
	JLT  loadtail
	VMOVDQU 128(DI), Y8
	CMPQ R9, $6
	JLT  loadtail
	VMOVDQU 160(DI), Y9
	CMPQ R9, $7
	JLT  loadtail
	VMOVDQU 192(DI), Y10
	CMPQ R9, $8
	JLT  loadtail
	VMOVDQU 224(DI), Y11
	CMPQ R9, $9
	JLT  loadtail
	VMOVDQU 256(DI), Y12
	CMPQ R9, $10
	JLT  loadtail
	VMOVDQU 288(DI), Y13
	CMPQ R9, $11
	JLT  loadtail
	VMOVDQU 320(DI), Y14
	CMPQ R9, $12
	JLT  loadtail
	VMOVDQU 352(DI), Y15

loadtail:
	// in the last chunk, the last block comes from tail when there is one
	CMPQ R12, $12
	JGT  loaded
	MOVQ tail+8(FP), BX
	TESTQ BX, BX
	JZ   loaded
	CMPQ DX, $1
	JNE  lt0
	VMOVDQU (BX), Y4
	JMP  loaded
lt0:
	CMPQ DX, $2
	JNE  lt1
	VMOVDQU (BX), Y5
	JMP  loaded
lt1:
	CMPQ DX, $3
	JNE  lt2
	VMOVDQU (BX), Y6
	JMP  loaded
lt2:
	CMPQ DX, $4
	JNE  lt3
	VMOVDQU (BX), Y7
	JMP  loaded
lt3:
	CMPQ DX, $5
	JNE  lt4
	VMOVDQU (BX), Y8
	JMP  loaded
lt4:
	CMPQ DX, $6
	JNE  lt5
	VMOVDQU (BX), Y9
	JMP  loaded
lt5:
	CMPQ DX, $7
	JNE  lt6
	VMOVDQU (BX), Y10
	JMP  loaded
lt6:
	CMPQ DX, $8
	JNE  lt7
	VMOVDQU (BX), Y11
	JMP  loaded
lt7:
	CMPQ DX, $9
	JNE  lt8
	VMOVDQU (BX), Y12
	JMP  loaded
lt8:
	CMPQ DX, $10
	JNE  lt9
	VMOVDQU (BX), Y13
	JMP  loaded
lt9:
	CMPQ DX, $11
	JNE  lt10
	VMOVDQU (BX), Y14
	JMP  loaded
lt10:
	CMPQ DX, $12
	JNE  lt11
	VMOVDQU (BX), Y15
	JMP  loaded
lt11:

loaded:
	MOVQ R8, R10 // next offset
	MOVQ CX, R11 // rows left

row:
	CMPQ R11, $9
	JLT  nopf
	MOVL 32(R10), BX // the row 8 ahead
	SHRL $9, BX
	SHLQ $4, BX
	ADDQ SI, BX
	ADDQ R13, BX
	PREFETCHT0 (BX)
	PREFETCHT0 64(BX)
	PREFETCHT0 95(BX)

nopf:
	MOVL (R10), AX
	MOVL AX, BX
	ANDL $511, BX
	VMOVD BX, X3
	VPBROADCASTD X3, Y3 // (scale, 0) in every pair of int16 lanes
	VPSLLD $16, Y3, Y2  // (0, scale)
	SHRL $9, AX
	SHLQ $4, AX
	LEAQ (SI)(AX*1), R9
	ADDQ R13, R9
	VPMOVSXBW 0(R9), Y0
	VPMADDWD  Y3, Y0, Y1
	VPADDD    Y1, Y4, Y4
	CMPQ DX, $2
	JLT  next
	VPMADDWD  Y2, Y0, Y1
	VPADDD    Y1, Y5, Y5
	CMPQ DX, $3
	JLT  next
	VPMOVSXBW 16(R9), Y0
	VPMADDWD  Y3, Y0, Y1
	VPADDD    Y1, Y6, Y6
	CMPQ DX, $4
	JLT  next
	VPMADDWD  Y2, Y0, Y1
	VPADDD    Y1, Y7, Y7
	CMPQ DX, $5
	JLT  next
	VPMOVSXBW 32(R9), Y0
	VPMADDWD  Y3, Y0, Y1
	VPADDD    Y1, Y8, Y8
	CMPQ DX, $6
	JLT  next
	VPMADDWD  Y2, Y0, Y1
	VPADDD    Y1, Y9, Y9
	CMPQ DX, $7
	JLT  next
	VPMOVSXBW 48(R9), Y0
	VPMADDWD  Y3, Y0, Y1
	VPADDD    Y1, Y10, Y10
	CMPQ DX, $8
	JLT  next
	VPMADDWD  Y2, Y0, Y1
	VPADDD    Y1, Y11, Y11
	CMPQ DX, $9
	JLT  next
	VPMOVSXBW 64(R9), Y0
	VPMADDWD  Y3, Y0, Y1
	VPADDD    Y1, Y12, Y12
	CMPQ DX, $10
	JLT  next
	VPMADDWD  Y2, Y0, Y1
	VPADDD    Y1, Y13, Y13
	CMPQ DX, $11
	JLT  next
	VPMOVSXBW 80(R9), Y0
	VPMADDWD  Y3, Y0, Y1
	VPADDD    Y1, Y14, Y14
	CMPQ DX, $12
	JLT  next
	VPMADDWD  Y2, Y0, Y1
	VPADDD    Y1, Y15, Y15

next:
	ADDQ $4, R10
	DECQ R11
	JNZ  row

	// in the last chunk, the last block goes to tail when there is one
	CMPQ R12, $12
	JGT  store
	MOVQ tail+8(FP), BX
	TESTQ BX, BX
	JZ   store
	CMPQ DX, $1
	JNE  st0
	VMOVDQU Y4, (BX)
	JMP  storerest
st0:
	CMPQ DX, $2
	JNE  st1
	VMOVDQU Y5, (BX)
	JMP  storerest
st1:
	CMPQ DX, $3
	JNE  st2
	VMOVDQU Y6, (BX)
	JMP  storerest
st2:
	CMPQ DX, $4
	JNE  st3
	VMOVDQU Y7, (BX)
	JMP  storerest
st3:
	CMPQ DX, $5
	JNE  st4
	VMOVDQU Y8, (BX)
	JMP  storerest
st4:
	CMPQ DX, $6
	JNE  st5
	VMOVDQU Y9, (BX)
	JMP  storerest
st5:
	CMPQ DX, $7
	JNE  st6
	VMOVDQU Y10, (BX)
	JMP  storerest
st6:
	CMPQ DX, $8
	JNE  st7
	VMOVDQU Y11, (BX)
	JMP  storerest
st7:
	CMPQ DX, $9
	JNE  st8
	VMOVDQU Y12, (BX)
	JMP  storerest
st8:
	CMPQ DX, $10
	JNE  st9
	VMOVDQU Y13, (BX)
	JMP  storerest
st9:
	CMPQ DX, $11
	JNE  st10
	VMOVDQU Y14, (BX)
	JMP  storerest
st10:
	CMPQ DX, $12
	JNE  st11
	VMOVDQU Y15, (BX)
	JMP  storerest
st11:

storerest:
	DECQ DX

store:
	CMPQ DX, $1
	JLT  stored
	VMOVDQU Y4, 0(DI)
	CMPQ DX, $2
	JLT  stored
	VMOVDQU Y5, 32(DI)
	CMPQ DX, $3
	JLT  stored
	VMOVDQU Y6, 64(DI)
	CMPQ DX, $4
	JLT  stored
	VMOVDQU Y7, 96(DI)
	CMPQ DX, $5
	JLT  stored
	VMOVDQU Y8, 128(DI)
	CMPQ DX, $6
	JLT  stored
	VMOVDQU Y9, 160(DI)
	CMPQ DX, $7
	JLT  stored
	VMOVDQU Y10, 192(DI)
	CMPQ DX, $8
	JLT  stored
	VMOVDQU Y11, 224(DI)
	CMPQ DX, $9
	JLT  stored
	VMOVDQU Y12, 256(DI)
	CMPQ DX, $10
	JLT  stored
	VMOVDQU Y13, 288(DI)
	CMPQ DX, $11
	JLT  stored
	VMOVDQU Y14, 320(DI)
	CMPQ DX, $12
	JLT  stored
	VMOVDQU Y15, 352(DI)

stored:
	ADDQ $384, DI
	ADDQ $96, R13
	SUBQ $12, R12
	JG   chunk

done:
	VZEROUPPER
	RET

// func prefetchSlots(base *uint64, idx *uint32, n int)
// Asks the cache for base[idx[i]] for every i, so that the probes that follow overlap their misses.
TEXT ·prefetchSlots(SB), NOSPLIT, $0-24
	MOVQ base+0(FP), SI
	MOVQ idx+8(FP), R8
	MOVQ n+16(FP), CX
	TESTQ CX, CX
	JZ   pdone

ploop:
	MOVL       (R8), AX
	PREFETCHT0 (SI)(AX*8)
	ADDQ       $4, R8
	DECQ       CX
	JNZ        ploop

pdone:
	RET

// func prefetchRows(base *int8, offs *uint32, n int)
// Asks the cache for the first lines of the dense rows at offs (each offset/16<<9 | scale).
TEXT ·prefetchRows(SB), NOSPLIT, $0-24
	MOVQ base+0(FP), SI
	MOVQ offs+8(FP), R8
	MOVQ n+16(FP), CX
	TESTQ CX, CX
	JZ   rdone

rloop:
	MOVL       (R8), AX
	SHRL       $9, AX
	SHLQ       $4, AX
	LEAQ       (SI)(AX*1), R9
	PREFETCHT0 (R9)
	PREFETCHT0 64(R9)
	ADDQ       $4, R8
	DECQ       CX
	JNZ        rloop

rdone:
	RET

// func prefetchEnts(base *uint32, idx *uint32, n int)
TEXT ·prefetchEnts(SB), NOSPLIT, $0-24
	MOVQ base+0(FP), SI
	MOVQ idx+8(FP), R8
	MOVQ n+16(FP), CX
	TESTQ CX, CX
	JZ   edone

eloop:
	MOVL       (R8), AX
	PREFETCHT0 (SI)(AX*4)
	ADDQ       $4, R8
	DECQ       CX
	JNZ        eloop

edone:
	RET
