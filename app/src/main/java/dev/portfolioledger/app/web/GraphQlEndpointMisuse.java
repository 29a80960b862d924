package dev.portfolioledger.app.web;

import dev.portfolioledger.api.ErrorCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.webmvc.GraphQlRequestPredicates;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Spring Boot answers a GET on the GraphQL endpoint (405) and a POST that is not JSON (415) with
 * an empty body; these routes, tried first, give the same statuses with the GraphQL-style body
 * every other error has.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlEndpointMisuse {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlEndpointMisuseRoutes(@Value("${spring.graphql.http.path:/graphql}") String path) {
        return RouterFunctions.route()
                .POST(path, GraphQlRequestPredicates.graphQlHttp(path).negate()
                                .and(GraphQlRequestPredicates.graphQlSse(path).negate()),
                      request -> ServerResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                              .contentType(MediaType.APPLICATION_JSON)
                              .body(HttpErrorController.errors(ErrorCode.UNSUPPORTED_MEDIA_TYPE.name(),
                                      ErrorType.BAD_REQUEST, "Unsupported content type; send application/json")))
                .route(RequestPredicates.path(path).and(RequestPredicates.method(HttpMethod.POST).negate()),
                       request -> ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
                               .allow(HttpMethod.POST)
                               .contentType(MediaType.APPLICATION_JSON)
                               .body(HttpErrorController.errors(ErrorCode.METHOD_NOT_ALLOWED.name(),
                                       ErrorType.BAD_REQUEST,
                                       "This method is not supported here; send GraphQL requests with POST")))
                .build();
    }
}
