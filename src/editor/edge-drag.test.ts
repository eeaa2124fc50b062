import { describe, expect, it } from 'vitest'
import { edgeAt, EDGE_PX, HANDLE_PX } from './edge-drag.ts'

// a 200 px square on screen, closed: edges 0 (top), 1 (right), 2 (bottom), 3 (left)
const sq = [{ x: 0, y: 0 }, { x: 200, y: 0 }, { x: 200, y: 200 }, { x: 0, y: 200 }, { x: 0, y: 0 }]

describe('grabbing an edge of the edited grid', () => {
  it('a press on an edge between its handles grabs that edge, the closing one included', () => {
    expect(edgeAt(sq, { x: 50, y: 3 })).toBe(0)
    expect(edgeAt(sq, { x: 197, y: 150 })).toBe(1)
    expect(edgeAt(sq, { x: 40, y: 202 })).toBe(2)
    expect(edgeAt(sq, { x: -4, y: 60 })).toBe(3)
  })

  it('leaves vertices and midpoints to the vertex editor, and ignores presses off the edges', () => {
    expect(edgeAt(sq, { x: HANDLE_PX - 1, y: 0 })).toBe(-1) // by a vertex
    expect(edgeAt(sq, { x: 100 + HANDLE_PX - 1, y: 2 })).toBe(-1) // by the top edge's midpoint
    expect(edgeAt(sq, { x: 50, y: EDGE_PX + 1 })).toBe(-1) // inside, away from the edge
    expect(edgeAt(sq, { x: 50, y: -EDGE_PX - 1 })).toBe(-1) // outside
  })
})
