/**
 * Running API calls so that every failure is a value: polls and reads ({@code ApiCall}) and
 * submits, which must tell "surely not sent" from "maybe started a job" ({@code SubmitCall}).
 */
package io.imagine4j.http.call;
