package dev.portfolioledger.api.resource;



/** An event of the Resource aggregate: the resource it belongs to, without asking which event it is. */
public interface ResourceEvent {

    ResourceId resourceId();
}
