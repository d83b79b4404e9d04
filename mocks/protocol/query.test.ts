import { describe, expect, it } from 'vitest';
import { ServiceError } from '../model/errors';
import { parseQuery, xmlError, xmlResult } from './query';

describe('awsQuery', () => {
  it('parses member lists and nested structures', () => {
    const body =
      'Action=SendEmail&Version=2010-12-01&Source=a%40example.com' +
      '&Destination.ToAddresses.member.2=c%40example.com&Destination.ToAddresses.member.1=b%40example.com' +
      '&Message.Subject.Data=Hi%20there&Message.Body.Text.Data=x%26y';
    expect(parseQuery(body)).toEqual({
      action: 'SendEmail',
      version: '2010-12-01',
      input: {
        Source: 'a@example.com',
        Destination: { ToAddresses: ['b@example.com', 'c@example.com'] },
        Message: { Subject: { Data: 'Hi there' }, Body: { Text: { Data: 'x&y' } } },
      },
    });
  });

  it('writes results with members, maps, doubles and escaped text', async () => {
    const response = xmlResult(
      'GetIdentityVerificationAttributes',
      { VerificationAttributes: { 'a<b>@x.com': { VerificationStatus: 'Success' } }, List: ['x', 'y'], Max24HourSend: 200, At: new Date(0) },
      'req-1',
      { maps: new Set(['VerificationAttributes']), doubles: new Set(['Max24HourSend']) },
    );
    expect(response.body).toBe(
      '<GetIdentityVerificationAttributesResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><GetIdentityVerificationAttributesResult>' +
        '<VerificationAttributes><entry><key>a&lt;b&gt;@x.com</key><value><VerificationStatus>Success</VerificationStatus></value></entry></VerificationAttributes>' +
        '<List><member>x</member><member>y</member></List><Max24HourSend>200.0</Max24HourSend><At>1970-01-01T00:00:00.000Z</At>' +
        '</GetIdentityVerificationAttributesResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetIdentityVerificationAttributesResponse>',
    );
  });

  it('writes errors as ErrorResponse', async () => {
    const response = xmlError(new ServiceError('MessageRejected', 'Email address is not verified.'), 'req-2');
    expect(response.status).toBe(400);
    expect(response.body).toBe(
      '<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>MessageRejected</Code>' +
        '<Message>Email address is not verified.</Message></Error><RequestId>req-2</RequestId></ErrorResponse>',
    );
  });
});
