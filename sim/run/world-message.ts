// A compiled world as plain data for postMessage: every column is a typed array or a string array, which the
// structured clone copies as is; the KD-tree (a class instance) travels as its ArrayBuffer and is rebuilt on arrival.
// The sweep builds and compiles its world once in the main thread and sends it to each worker this way.
import KDBush from 'kdbush'
import type { CompiledWorld } from '../world/compile.ts'

export type WorldMessage = Omit<CompiledWorld, 'buildingIndex'> & { buildingIndexData: ArrayBufferLike }

export function worldToMessage(w: CompiledWorld): WorldMessage {
  const { buildingIndex, ...rest } = w
  return { ...rest, buildingIndexData: buildingIndex.data }
}

export function worldFromMessage(m: WorldMessage): CompiledWorld {
  const { buildingIndexData, ...rest } = m
  return { ...rest, buildingIndex: KDBush.from(buildingIndexData) }
}
