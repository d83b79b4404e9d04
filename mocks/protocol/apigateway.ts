import type { ApiGateway } from '../model/apigateway';
import { plainJson, type WireRequest, type WireResponse } from './http';

/**
 * Where a request for an emulated REST API arrives:
 *  - `https://<apiId>.execute-api.<region>.amazonaws.com/<stage>/<path>` (AWS's own hostname; the
 *    msw hosts answer it), or
 *  - `<any emulator origin>/_apigw/<apiId>/<stage>/<path>` (the standalone server, which has one origin).
 */
const EXECUTE_API_HOST = /^([a-z0-9]{10})\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/;
const STAGE_PATH = /^\/([\w-]+)(\/.*)?$/;
const APIGW_PATH = /^\/_apigw\/([a-z0-9]{10})\/([\w-]+)(\/.*)?$/;

export interface ApiTarget {
  apiId: string;
  stage: string;
  path: string;
}

export function apiTargetOf(url: URL): ApiTarget | undefined {
  const host = EXECUTE_API_HOST.exec(url.hostname);
  if (host) {
    const stage = STAGE_PATH.exec(url.pathname);
    // No stage in the path: API Gateway answers that as a missing route too.
    return { apiId: host[1]!, stage: stage?.[1] ?? '', path: stage?.[2] ?? '/' };
  }
  const path = APIGW_PATH.exec(url.pathname);
  return path ? { apiId: path[1]!, stage: path[2]!, path: path[3] ?? '/' } : undefined;
}

/** One HTTP request → the emulated API's answer, with API Gateway's error headers. */
export async function apiGatewayCall(apis: ApiGateway, request: WireRequest, target: ApiTarget): Promise<WireResponse> {
  const url = new URL(request.url);
  const authorization = request.headers.get('authorization');
  const answer = await apis.invoke({
    ...target,
    method: request.method,
    ...(authorization === null ? {} : { authorization }),
    query: Object.fromEntries(url.searchParams),
    body: request.method === 'GET' || request.method === 'HEAD' ? '' : new TextDecoder().decode(await request.bytes()),
  });
  return plainJson(answer.body, answer.status, answer.errorType ? { 'x-amzn-errortype': answer.errorType } : {});
}
