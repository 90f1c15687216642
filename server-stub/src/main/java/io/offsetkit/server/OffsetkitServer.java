package io.offsetkit.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The offsetkit reference server: the reset-consumer-offset API, served from the contract. */
@SpringBootApplication
public class OffsetkitServer {

    /** Starts the server; Spring Boot's usual {@code --key=value} arguments configure it. */
    public static void main(String[] args) {
        SpringApplication.run(OffsetkitServer.class, args);
    }
}
