#include "textflag.h"

// func addRowsAVX2(acc *int32, base *int16, offs *uint32, n int, blocks int)
// For each of the n rows base[offs[i]:], adds blocks×8 int16 weights, sign-extended, into acc.
TEXT ·addRowsAVX2(SB), NOSPLIT, $0-40
	MOVQ acc+0(FP), DI
	MOVQ base+8(FP), SI
	MOVQ offs+16(FP), R8
	MOVQ n+24(FP), CX
	MOVQ blocks+32(FP), DX
	TESTQ CX, CX
	JZ   done
	TESTQ DX, DX
	JZ   done

row:
	MOVL (R8), AX
	LEAQ (SI)(AX*2), R9
	MOVQ DI, R10
	MOVQ DX, R11

block:
	VPMOVSXWD (R9), Y0
	VPADDD    (R10), Y0, Y0
	VMOVDQU   Y0, (R10)
	ADDQ      $16, R9
	ADDQ      $32, R10
	DECQ      R11
	JNZ       block

	ADDQ $4, R8
	DECQ CX
	JNZ  row

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

// func prefetchRows(base *int16, offs *uint32, n int)
TEXT ·prefetchRows(SB), NOSPLIT, $0-24
	MOVQ base+0(FP), SI
	MOVQ offs+8(FP), R8
	MOVQ n+16(FP), CX
	TESTQ CX, CX
	JZ   rdone

rloop:
	MOVL       (R8), AX
	LEAQ       (SI)(AX*2), R9
	PREFETCHT0 (R9)
	PREFETCHT0 64(R9)
	PREFETCHT0 128(R9)
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
