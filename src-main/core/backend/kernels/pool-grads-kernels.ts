// Kernel registrations for the pooling gradients in ./pool-grads: MaxPoolGrad and AvgPoolGrad on
// wasm (replacing tfjs-backend-wasm's), and AvgPoolGrad on cpu (same border fix, so the two agree).

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type {
  AvgPoolGradAttrs,
  KernelBackend,
  KernelConfig,
  KernelFunc,
  MaxPoolGradAttrs,
  NamedAttrMap,
  NamedTensorInfoMap,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import { backend_util } from '@tensorflow/tfjs-core';
import { cpuF32, cpuOutput, wasmF32 } from './heap';
import { avgPoolGradInto, isPlain2x2, maxPoolGradInto } from './pool-grads';
import { heapPointer, poolArgs, simdKernels } from '../simd/module';

interface Args<B> {
  inputs: NamedTensorInfoMap;
  backend: B;
  attrs: NamedAttrMap;
}

function poolInfo(
  input: TensorInfo,
  attrs: MaxPoolGradAttrs | AvgPoolGradAttrs,
): backend_util.Conv2DInfo {
  const rounding = 'dimRoundingMode' in attrs ? attrs.dimRoundingMode : undefined;
  return backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    rounding,
  );
}

function maxPoolGradWasm({ inputs, backend, attrs }: Args<BackendWasm>): TensorInfo {
  const input = inputs.input as TensorInfo;
  const dy = inputs.dy as TensorInfo;
  const info = poolInfo(input, attrs as unknown as MaxPoolGradAttrs);
  const dx = backend.makeOutput(input.shape, 'float32');
  const simd = simdKernels(backend);
  if (simd && isPlain2x2(info) && info.inChannels % 4 === 0 && dy.shape.every((d) => d > 0)) {
    simd.maxPoolGrad2x2(
      heapPointer(backend, dy),
      heapPointer(backend, input),
      heapPointer(backend, dx),
      ...poolArgs(info),
    );
    return dx;
  }
  maxPoolGradInto(wasmF32(backend, input), wasmF32(backend, dy), wasmF32(backend, dx), info);
  return dx;
}

function avgPoolGradWasm({ inputs, backend, attrs }: Args<BackendWasm>): TensorInfo {
  const input = inputs.input as TensorInfo;
  const dy = inputs.dy as TensorInfo;
  const info = poolInfo(input, attrs as unknown as AvgPoolGradAttrs);
  const dx = backend.makeOutput(input.shape, 'float32');
  avgPoolGradInto(wasmF32(backend, dy), wasmF32(backend, dx), info);
  return dx;
}

function avgPoolGradCpu({ inputs, backend, attrs }: Args<KernelBackend>): TensorInfo {
  const input = inputs.input as TensorInfo;
  const dy = inputs.dy as TensorInfo;
  const info = poolInfo(input, attrs as unknown as AvgPoolGradAttrs);
  const dx = new Float32Array(info.batchSize * info.inHeight * info.inWidth * info.inChannels);
  avgPoolGradInto(cpuF32(backend, dy), dx, info);
  return cpuOutput(backend, input.shape, dx);
}

export const maxPoolGradWasmConfig: KernelConfig = {
  kernelName: 'MaxPoolGrad',
  backendName: 'wasm',
  kernelFunc: maxPoolGradWasm as unknown as KernelFunc,
};

export const avgPoolGradWasmConfig: KernelConfig = {
  kernelName: 'AvgPoolGrad',
  backendName: 'wasm',
  kernelFunc: avgPoolGradWasm as unknown as KernelFunc,
};

export const avgPoolGradCpuConfig: KernelConfig = {
  kernelName: 'AvgPoolGrad',
  backendName: 'cpu',
  kernelFunc: avgPoolGradCpu as unknown as KernelFunc,
};
